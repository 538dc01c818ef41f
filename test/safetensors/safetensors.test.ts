import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { InputFileError } from '../../src/errors.ts';
import { parseSafetensors, serializeSafetensors, type SafetensorsTensor } from '../../src/safetensors/format.ts';
import { SUPPORTED_DTYPES, dtypeSize, type Dtype } from '../../src/safetensors/dtypes.ts';
import { toFloat64Array } from '../../src/safetensors/values.ts';
import { parsePythonJson } from '../../src/metrics/python-json.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../fixtures/safetensors');
const numpyReader = path.join(here, 'numpy_reader.py');
const PYTHON = '/usr/bin/python3';

const pythonWith = (modules: string, python = PYTHON) => spawnSync(python, ['-c', `import ${modules}`]).status === 0;
const numpySkip = pythonWith('numpy') ? false : `${PYTHON} cannot import numpy (apt install python3-numpy)`;
const torchSkip = pythonWith('numpy, torch') ? false : `${PYTHON} cannot import numpy and torch`;
/** A Python with the safetensors library (and numpy): PATH's python3 (where .ci/run installs it), else Debian's. */
const SAFETENSORS_PYTHON = ['python3', PYTHON].find((python) => pythonWith('numpy, safetensors.numpy', python));
const safetensorsSkip = SAFETENSORS_PYTHON
  ? false
  : 'neither python3 on PATH nor /usr/bin/python3 can import safetensors and numpy (python3 -m pip install safetensors)';
const safetensorsReader = path.join(here, 'safetensors_reader.py');

const tensorSha256 = (tensor: SafetensorsTensor) => createHash('sha256').update(tensor.data).digest('hex');

/** Little-endian bytes of typed-array values. */
const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** One small tensor of each dtype, with values that exercise sign, extremes and non-finite floats. */
function tensorsOfEveryDtype(): SafetensorsTensor[] {
  const make = (dtype: Dtype, shape: number[], data: Uint8Array): SafetensorsTensor => ({
    name: `t.${dtype.toLowerCase()}`,
    dtype,
    shape,
    data,
  });
  return [
    make('F64', [2, 2], bytesOf(new Float64Array([1.5, -0, Number.MAX_VALUE, NaN]))),
    make('F32', [3], bytesOf(new Float32Array([0.1, -Infinity, 3]))),
    make('F16', [2], bytesOf(new Uint16Array([0x3c00, 0xc000]))), // 1, -2
    make('BF16', [2], bytesOf(new Uint16Array([0x3f80, 0x4049]))), // 1, 3.140625
    make('I64', [], bytesOf(new BigInt64Array([-(2n ** 40n)]))),
    make('U64', [1], bytesOf(new BigUint64Array([2n ** 52n]))),
    make('I32', [2], bytesOf(new Int32Array([-2147483648, 7]))),
    make('U32', [1], bytesOf(new Uint32Array([4294967295]))),
    make('I16', [1, 2], bytesOf(new Int16Array([-32768, 32767]))),
    make('U16', [1], bytesOf(new Uint16Array([65535]))),
    make('I8', [3], bytesOf(new Int8Array([-128, 0, 127]))),
    make('U8', [0, 4], new Uint8Array(0)),
    make('BOOL', [3], new Uint8Array([1, 0, 1])),
  ];
}

/** A file with a hand-written header, for the bad-input tests. */
function fileWithHeader(header: unknown, dataBytes: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const file = new Uint8Array(8 + json.length + dataBytes);
  new DataView(file.buffer).setBigUint64(0, BigInt(json.length), true);
  file.set(json, 8);
  return file;
}

function assertRejects(bytes: Uint8Array, expected: RegExp) {
  assert.throws(
    () => parseSafetensors(bytes, 'weights.safetensors'),
    (error: unknown) =>
      error instanceof InputFileError &&
      error.message.startsWith('weights.safetensors: not a valid safetensors file') &&
      expected.test(error.message),
  );
}

test('reads the files written by the Python safetensors library', async () => {
  const a = parseSafetensors(await readFile(path.join(fixtures, 'cnn_nondet_s0_a.safetensors')), 'a.safetensors');
  const b = parseSafetensors(await readFile(path.join(fixtures, 'cnn_nondet_s0_b.safetensors')), 'b.safetensors');
  assert.equal(a.metadata, null);
  const shapes = Object.fromEntries(a.tensors.map((t) => [t.name, `${t.dtype}[${t.shape.join(',')}]`]));
  assert.deepEqual(shapes, {
    'bn.num_batches_tracked': 'I64[]',
    'bn.bias': 'F32[64]',
    'bn.running_mean': 'F32[64]',
    'bn.running_var': 'F32[64]',
    'bn.weight': 'F32[64]',
    'c1.bias': 'F32[32]',
    'c1.weight': 'F32[32,3,3,3]',
    'c2.bias': 'F32[64]',
    'c2.weight': 'F32[64,32,3,3]',
    'fc.bias': 'F32[10]',
    'fc.weight': 'F32[10,4096]',
  });
  // 300 steps of training: the batch-norm counter says so.
  assert.deepEqual([...toFloat64Array(a.tensors.find((t) => t.name === 'bn.num_batches_tracked')!)], [300]);
  assert.ok(toFloat64Array(a.tensors.find((t) => t.name === 'bn.running_var')!).every((v) => v > 0));

  // The two same-seed runs parted through cuDNN's algorithm choice: a small, real difference
  // (under 1% of each tensor's largest value), in the weights but not in the step counter.
  let differingTensors = 0;
  for (const tensor of a.tensors) {
    const valuesA = toFloat64Array(tensor);
    const valuesB = toFloat64Array(b.tensors.find((t) => t.name === tensor.name)!);
    assert.ok(valuesA.every(Number.isFinite) && valuesB.every(Number.isFinite), `${tensor.name} is finite`);
    let maxAbsDiff = 0;
    let maxAbs = 0;
    for (let i = 0; i < valuesA.length; i++) {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(valuesA[i]! - valuesB[i]!));
      maxAbs = Math.max(maxAbs, Math.abs(valuesA[i]!));
    }
    assert.ok(maxAbsDiff <= 0.01 * maxAbs, `${tensor.name}: max |a - b| = ${maxAbsDiff}, max |a| = ${maxAbs}`);
    if (maxAbsDiff > 0) differingTensors++;
  }
  assert.equal(differingTensors, a.tensors.length - 1);
  assert.notEqual(
    tensorSha256(a.tensors.find((t) => t.name === 'fc.weight')!),
    tensorSha256(b.tensors.find((t) => t.name === 'fc.weight')!),
  );
  assert.equal(tensorSha256(a.tensors[0]!), tensorSha256(b.tensors[0]!));
});

test('reads the every-dtype files the Python safetensors library wrote (make_every_dtype.py)', async () => {
  const numpyFile = parseSafetensors(
    await readFile(path.join(fixtures, 'every_dtype_numpy.safetensors')),
    'every_dtype_numpy.safetensors',
  );
  const bf16File = parseSafetensors(await readFile(path.join(fixtures, 'bf16.safetensors')), 'bf16.safetensors');
  assert.deepEqual(numpyFile.metadata, { written_by: 'make_every_dtype.py', step: '3' });
  assert.deepEqual(bf16File.metadata, { written_by: 'make_every_dtype.py', step: '3' });
  const tensors = [...numpyFile.tensors, ...bf16File.tensors];
  assert.deepEqual(
    tensors.map((t) => t.dtype).sort(),
    [...SUPPORTED_DTYPES].sort(),
    'every dtype we claim is in the fixtures',
  );
  const read = Object.fromEntries(
    tensors.map((t) => [t.name, { dtype: t.dtype, shape: t.shape, values: [...toFloat64Array(t)] }]),
  );
  const f16Subnormal = 2 ** -24; // 6e-8 rounded to binary16: its smallest subnormal
  assert.deepEqual(read, {
    't.f64': { dtype: 'F64', shape: [2, 2], values: [1.5, -0, Number.MAX_VALUE, NaN] },
    't.f32': { dtype: 'F32', shape: [3], values: [Math.fround(0.1), -Infinity, 3] },
    't.f16': { dtype: 'F16', shape: [2, 3], values: [1, -2, 65504, f16Subnormal, Infinity, NaN] },
    't.bf16': { dtype: 'BF16', shape: [2, 2], values: [1, 3.140625, -Infinity, 2 ** -133] },
    't.i64': { dtype: 'I64', shape: [], values: [-(2 ** 40)] },
    't.u64': { dtype: 'U64', shape: [2], values: [2 ** 52, 0] },
    't.i32': { dtype: 'I32', shape: [2], values: [-(2 ** 31), 7] },
    't.u32': { dtype: 'U32', shape: [1], values: [2 ** 32 - 1] },
    't.i16': { dtype: 'I16', shape: [1, 2], values: [-(2 ** 15), 2 ** 15 - 1] },
    't.u16': { dtype: 'U16', shape: [1], values: [2 ** 16 - 1] },
    't.i8': { dtype: 'I8', shape: [3], values: [-128, 0, 127] },
    't.u8': { dtype: 'U8', shape: [0, 4], values: [] },
    't.bool': { dtype: 'BOOL', shape: [3], values: [1, 0, 1] },
  });
  // Our writer lays the same tensors out byte for byte as the library did.
  for (const [name, file] of [
    ['every_dtype_numpy.safetensors', numpyFile],
    ['bf16.safetensors', bf16File],
  ] as const) {
    assert.deepEqual(
      Buffer.from(serializeSafetensors([...file.tensors].reverse(), file.metadata)),
      await readFile(path.join(fixtures, name)),
      name,
    );
  }
});

test('the writer lays files out as the reference library does', async () => {
  // Rewriting a file the Python library wrote gives back the same bytes: same tensor order
  // (widest dtype first, then by name), compact JSON, space padding to 8 bytes.
  for (const name of ['cnn_nondet_s0_a.safetensors', 'cnn_nondet_s0_b.safetensors']) {
    const original = await readFile(path.join(fixtures, name));
    const { tensors, metadata } = parseSafetensors(original, name);
    assert.deepEqual(Buffer.from(serializeSafetensors([...tensors].reverse(), metadata)), original);
  }

  const file = serializeSafetensors(tensorsOfEveryDtype(), { step: '20', config: JSON.stringify({ lr: 0.01 }) });
  const headerLength = Number(new DataView(file.buffer).getBigUint64(0, true));
  assert.equal(headerLength % 8, 0);
  const headerText = new TextDecoder().decode(file.subarray(8, 8 + headerLength));
  assert.match(headerText, /^\{"__metadata__":\{"step":"20","config":"\{\\"lr\\":0.01\}"\},/);
  assert.match(headerText, /\} *$/);
  assert.equal(headerText.trimEnd().length + ((8 - (headerText.trimEnd().length % 8)) % 8), headerLength);
  const header = JSON.parse(headerText) as Record<string, { dtype: string; data_offsets: [number, number] }>;
  const order = Object.keys(header).slice(1);
  assert.deepEqual(
    order.map((n) => header[n]!.dtype),
    ['U64', 'I64', 'F64', 'F32', 'U32', 'I32', 'BF16', 'F16', 'U16', 'I16', 'I8', 'U8', 'BOOL'],
  );
  // Every tensor starts aligned to its element size.
  for (const name of order)
    assert.equal(header[name]!.data_offsets[0] % dtypeSize(header[name]!.dtype as Dtype), 0, name);
});

test('every dtype round-trips through the writer and reader, values decoded', () => {
  const original = tensorsOfEveryDtype();
  const parsed = parseSafetensors(serializeSafetensors(original, null), 'round-trip');
  assert.equal(parsed.metadata, null);
  assert.deepEqual(parsed.tensors.map((t) => t.dtype).sort(), [...SUPPORTED_DTYPES].sort());
  for (const tensor of original) {
    const back = parsed.tensors.find((t) => t.name === tensor.name)!;
    assert.deepEqual(back.shape, tensor.shape);
    assert.deepEqual(Buffer.from(back.data), Buffer.from(tensor.data), tensor.name);
    assert.equal(tensorSha256(back), tensorSha256(tensor));
  }
  const values = (name: string) => [...toFloat64Array(parsed.tensors.find((t) => t.name === name)!)];
  assert.deepEqual(values('t.f64'), [1.5, -0, Number.MAX_VALUE, NaN]);
  assert.deepEqual(values('t.f32'), [Math.fround(0.1), -Infinity, 3]);
  assert.deepEqual(values('t.f16'), [1, -2]);
  assert.deepEqual(values('t.bf16'), [1, 3.140625]);
  assert.deepEqual(values('t.i64'), [-(2 ** 40)]);
  assert.deepEqual(values('t.u64'), [2 ** 52]);
  assert.deepEqual(values('t.i32'), [-2147483648, 7]);
  assert.deepEqual(values('t.u32'), [4294967295]);
  assert.deepEqual(values('t.i16'), [-32768, 32767]);
  assert.deepEqual(values('t.u16'), [65535]);
  assert.deepEqual(values('t.i8'), [-128, 0, 127]);
  assert.deepEqual(values('t.u8'), []);
  assert.deepEqual(values('t.bool'), [1, 0, 1]);
  assert.deepEqual(parseSafetensors(serializeSafetensors([], {}), 'empty'), { metadata: {}, tensors: [] });
});

test('the writer refuses what the reference library would reject', () => {
  const tensor = tensorsOfEveryDtype()[0]!;
  assert.throws(
    () => serializeSafetensors([tensor], { step: 20 as unknown as string }),
    /__metadata__ "step" must be a string/,
  );
  assert.throws(() => serializeSafetensors([tensor, tensor], null), /two tensors are named "t.f64"/);
  assert.throws(() => serializeSafetensors([{ ...tensor, data: new Uint8Array(3) }], null), /needs 32 bytes, got 3/);
  assert.throws(
    () => serializeSafetensors([{ ...tensor, dtype: 'F8_E4M3' as Dtype }], null),
    /dtype F8_E4M3; supported dtypes: BOOL, U8/,
  );
});

test('bad files are refused with the problem named', async () => {
  const good = serializeSafetensors(tensorsOfEveryDtype(), null);
  assertRejects(good.subarray(0, 5), /5 bytes long/);
  assertRejects(
    good.subarray(0, good.length - 1),
    /tensor "t.bool": data_offsets \[\d+, \d+\] run past the end of the data/,
  );
  assertRejects(
    new Uint8Array([...good, 0]),
    /the tensors cover \d+ bytes of data, but the file holds \d+ after the header/,
  );
  const longHeader = new Uint8Array(good);
  new DataView(longHeader.buffer).setBigUint64(0, BigInt(good.length), true);
  assertRejects(longHeader, /header length \d+ runs past the end of the file/);
  const hugeHeader = new Uint8Array(good);
  new DataView(hugeHeader.buffer).setBigUint64(0, 2n ** 63n, true);
  assertRejects(hugeHeader, /over the 100000000-byte limit/);
  assertRejects(fileWithHeader([1, 2], 0), /header is not a JSON object/);
  const notJson = fileWithHeader({}, 0);
  notJson[8] = 0x78;
  assertRejects(notJson, /header is not UTF-8 JSON/);

  const f32 = (shape: number[], offsets: number[]) => ({ dtype: 'F32', shape, data_offsets: offsets });
  assertRejects(
    fileWithHeader({ a: f32([2], [0, 8]), b: f32([2], [4, 12]) }, 12),
    /tensor "b": data_offsets \[4, 12\] overlap the previous tensor, which ends at 8/,
  );
  assertRejects(
    fileWithHeader({ a: f32([2], [0, 8]), b: f32([1], [12, 16]) }, 16),
    /tensor "b": .* leave a gap after byte 8/,
  );
  assertRejects(fileWithHeader({ a: f32([2], [4, 12]) }, 12), /leave a gap after byte 0/);
  assertRejects(fileWithHeader({ a: f32([2], [0, 8]) }, 4), /run past the end of the data \(4 bytes\)/);
  assertRejects(
    fileWithHeader({ a: f32([3], [0, 8]) }, 8),
    /F32 with shape \[3\] needs 12 bytes, but data_offsets \[0, 8\] hold 8/,
  );
  assertRejects(fileWithHeader({ a: f32([2], [8, 0]) }, 8), /end before they begin/);
  assertRejects(
    fileWithHeader({ a: { dtype: 'F8_E5M2', shape: [1], data_offsets: [0, 1] } }, 1),
    /dtype F8_E5M2, which is not supported; supported dtypes: BOOL, U8, I8, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64/,
  );
  assertRejects(
    fileWithHeader({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4),
    /shape must be an array of non-negative integers/,
  );
  assertRejects(fileWithHeader({ a: { dtype: 'F32', shape: [1] } }, 4), /data_offsets must be \[begin, end\]/);
  assertRejects(
    fileWithHeader({ __metadata__: { step: 20 }, a: f32([1], [0, 4]) }, 4),
    /__metadata__ "step" is 20; metadata values must be strings/,
  );
  // Data offsets listed out of order are fine when they tile the data, as in the reference reader.
  assert.deepEqual(
    parseSafetensors(fileWithHeader({ b: f32([1], [4, 8]), a: f32([1], [0, 4]) }, 8), 'x').tensors.map((t) => t.name),
    ['a', 'b'],
  );
});

test('numpy reads the files our writer makes, for every dtype', { skip: numpySkip }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'safetensors-numpy-'));
  try {
    const file = path.join(dir, 'every-dtype.safetensors');
    const tensors = tensorsOfEveryDtype();
    await writeFile(file, serializeSafetensors(tensors, { step: '7' }));
    const read = parsePythonJson(execFileSync(PYTHON, [numpyReader, 'read', file]).toString()) as {
      metadata: Record<string, string>;
      header_length: number;
      tensors: Record<string, { dtype: string; shape: number[]; values: number[] }>;
    };
    assert.deepEqual({ ...read.metadata }, { step: '7' });
    assert.equal(read.header_length % 8, 0);
    for (const tensor of tensors) {
      const seen = read.tensors[tensor.name]!;
      assert.equal(seen.dtype, tensor.dtype);
      assert.deepEqual(seen.shape, tensor.shape);
      assert.deepEqual(seen.values, [...toFloat64Array(tensor)], tensor.name);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test(
  'the Python safetensors library reads the files our writer makes, for every dtype',
  { skip: safetensorsSkip },
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'safetensors-library-'));
    try {
      const file = path.join(dir, 'ours.safetensors');
      const tensors = tensorsOfEveryDtype();
      await writeFile(file, serializeSafetensors(tensors, { step: '7', written_by: 'repro-check' }));
      const read = parsePythonJson(execFileSync(SAFETENSORS_PYTHON!, [safetensorsReader, file]).toString()) as {
        version: string;
        metadata: Record<string, string>;
        tensors: Record<string, { dtype: string; shape: number[]; values: number[] }>;
      };
      assert.deepEqual({ ...read.metadata }, { step: '7', written_by: 'repro-check' });
      assert.deepEqual(Object.keys(read.tensors).sort(), tensors.map((t) => t.name).sort());
      for (const tensor of tensors) {
        const seen = read.tensors[tensor.name]!;
        assert.equal(seen.dtype, tensor.dtype, tensor.name);
        assert.deepEqual(seen.shape, tensor.shape, tensor.name);
        assert.deepEqual(
          seen.values,
          [...toFloat64Array(tensor)],
          `${tensor.name} as safetensors ${read.version} reads it`,
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

test('F16, BF16 and I64 decode as numpy and torch convert them', { skip: torchSkip }, () => {
  const made = parsePythonJson(execFileSync(PYTHON, [numpyReader, 'raw']).toString()) as Record<
    string,
    { dtype: Dtype; hex: string; values: number[] }
  >;
  for (const [name, { dtype, hex, values }] of Object.entries(made)) {
    const data = new Uint8Array(Buffer.from(hex, 'hex'));
    assert.deepEqual([...toFloat64Array({ name, dtype, shape: [values.length], data })], values, name);
  }
});
