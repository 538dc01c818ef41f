import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InputFileError } from '../../src/errors.ts';
import { openCheckpoint, withCheckpoint } from '../../src/checkpoints/source.ts';
import { fingerprintCheckpoint } from '../../src/checkpoints/fingerprint.ts';
import { parseSafetensors } from '../../src/safetensors/format.ts';
import { loadSettings } from '../../src/settings/load.ts';
import { cli, f32, fileWithHeader, tensor, withTemp, writeSafetensors } from './helpers.ts';

const fixtures = path.resolve('test/fixtures/safetensors');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function rejects(file: string, expected: RegExp) {
  await assert.rejects(openCheckpoint(file), (error: unknown) => {
    assert.ok(error instanceof InputFileError, String(error));
    assert.match(error.message, expected);
    assert.ok(error.message.startsWith(file), error.message);
    return true;
  });
}

test('fingerprints in small chunks equal the SHA-256 of each tensor read whole (the hashes run records hold)', async () => {
  for (const name of ['cnn_nondet_s0_a.safetensors', 'bf16.safetensors']) {
    const file = path.join(fixtures, name);
    const whole = parseSafetensors(await readFile(file), name);
    const expected = whole.tensors
      .map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape, sha256: sha256(t.data) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    // 24-byte chunks: many chunks per tensor and chunk ends inside tensors.
    for (const chunk of [24, 4 * 1024 * 1024]) {
      const entry = await fingerprintCheckpoint(file, chunk);
      assert.deepEqual(entry.tensors, expected, `${name}, ${chunk}-byte chunks`);
    }
  }
  assert.equal(
    (await fingerprintCheckpoint(path.join(fixtures, 'bf16.safetensors'))).step,
    3,
    'step from the metadata',
  );
});

test('every dtype repro-check reads, from the files the Python safetensors library wrote; U16/U32/U64 refused by name', async () => {
  await withCheckpoint(path.join(fixtures, 'bf16.safetensors'), async (checkpoint) => {
    assert.deepEqual(
      checkpoint.tensors.map((t) => `${t.name}:${t.dtype}`),
      ['t.bf16:BF16'],
    );
    assert.deepEqual(checkpoint.metadata, { written_by: 'make_every_dtype.py', step: '3' });
  });
  // The numpy fixture holds unsigned dtypes the issue rules out; the widest comes first in the file.
  await rejects(
    path.join(fixtures, 'every_dtype_numpy.safetensors'),
    /tensor "t\.u64" has dtype U64, which repro-check does not read; accepted: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL/,
  );
  // The same tensors without the unsigned ones (rewritten by our writer, byte-identical layout) all open.
  await withTemp(async (dir) => {
    const { tensors, metadata } = parseSafetensors(
      await readFile(path.join(fixtures, 'every_dtype_numpy.safetensors')),
      'x',
    );
    const file = await writeSafetensors(
      path.join(dir, 'ten.safetensors'),
      [
        ...tensors.filter((t) => !['U16', 'U32', 'U64'].includes(t.dtype)),
        ...parseSafetensors(await readFile(path.join(fixtures, 'bf16.safetensors')), 'y').tensors,
      ],
      metadata,
    );
    await withCheckpoint(file, async (checkpoint) => {
      assert.deepEqual(checkpoint.tensors.map((t) => t.dtype).sort(), [
        'BF16',
        'BOOL',
        'F16',
        'F32',
        'F64',
        'I16',
        'I32',
        'I64',
        'I8',
        'U8',
      ]);
    });
  });
});

test('corrupt files are refused with the problem named, without reading a claimed 100 MB header', async () => {
  await withTemp(async (dir) => {
    const good = await readFile(path.join(fixtures, 'cnn_nondet_s0_a.safetensors'));
    const write = async (name: string, bytes: Uint8Array) => {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      return file;
    };
    await rejects(
      await write('truncated.safetensors', good.subarray(0, good.length - 10)),
      /not a valid safetensors file: tensor "[^"]+": data_offsets .* run past the end of the data/,
    );
    await rejects(
      await write('short.safetensors', good.subarray(0, 5)),
      /5 bytes long, shorter than the 8-byte header length/,
    );
    const pastEnd = new Uint8Array(good.subarray(0, 4096));
    new DataView(pastEnd.buffer).setBigUint64(0, 5000n, true);
    await rejects(
      await write('past-eof.safetensors', pastEnd),
      /header length 5000 runs past the end of the file \(4096 bytes/,
    );
    const before = process.memoryUsage().arrayBuffers;
    const huge = new Uint8Array(64);
    new DataView(huge.buffer).setBigUint64(0, 100_000_000n, true);
    await rejects(
      await write('huge-claim.safetensors', huge),
      /header length 100000000 runs past the end of the file \(64 bytes/,
    );
    new DataView(huge.buffer).setBigUint64(0, 2n ** 60n, true);
    await rejects(await write('huger-claim.safetensors', huge), /over the 100000000-byte limit/);
    assert.ok(
      process.memoryUsage().arrayBuffers - before < 10_000_000,
      'no buffer was allocated for the claimed header',
    );
    const f = (offsets: number[]) => ({ dtype: 'F32', shape: [2], data_offsets: offsets });
    await rejects(
      await write('overlap.safetensors', fileWithHeader({ a: f([0, 8]), b: f([4, 12]) }, 12)),
      /tensor "b": data_offsets \[4, 12\] overlap the previous tensor/,
    );
    await rejects(
      await write('f8.safetensors', fileWithHeader({ w: { dtype: 'F8_E4M3', shape: [1], data_offsets: [0, 1] } }, 1)),
      /tensor "w" has dtype F8_E4M3, which is not supported/,
    );
    await rejects(
      await write('u32.safetensors', fileWithHeader({ w: { dtype: 'U32', shape: [1], data_offsets: [0, 4] } }, 4)),
      /tensor "w" has dtype U32, which repro-check does not read/,
    );
    await rejects(
      await write('meta.safetensors', fileWithHeader({ __metadata__: { step: 3 } }, 0)),
      /__metadata__ "step" is 3; metadata values must be strings/,
    );
    await rejects(path.join(dir, 'absent.safetensors'), /cannot be read \(no such file\)/);
  });
});

test('PyTorch pickles, zips and HDF5 are named for what they are, never as a header length', async () => {
  await withTemp(async (dir) => {
    const write = async (name: string, bytes: number[]) => {
      const file = path.join(dir, name);
      await writeFile(file, new Uint8Array([...bytes, ...new Array(64).fill(0x41)]));
      return file;
    };
    const snippet =
      /PyTorch pickle: save with `safetensors\.torch\.save_file` instead:\n {2}from safetensors\.torch import save_file\n {2}save_file\(model\.state_dict\(\)/;
    await rejects(
      await write('model.pt', [0x50, 0x4b, 0x03, 0x04]),
      /not a safetensors file: it is a zip archive \(what `torch\.save` writes\)/,
    );
    await rejects(await write('model.safetensors', [0x80, 0x02, 0x8a, 0x0a]), /it is a Python pickle \(protocol 2\)/);
    await rejects(await write('weights.bin', [0x80, 0x04]), snippet);
    await rejects(
      await write('weights.h5', [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]),
      /it is an HDF5 file \(Keras \.h5 weights\)/,
    );
    await rejects(await write('odd.ckpt', [1, 2, 3]), /its name ends in \.ckpt, used for pickles/);
    for (const name of ['model.pt', 'weights.bin'])
      await assert.rejects(
        openCheckpoint(path.join(dir, name)),
        (error: Error) => !/header length/.test(error.message),
      );
  });
});

test('a checkpoints: path or glob naming pickles is a settings error before training', async () => {
  const yamlOf = (checkpoints: string) => `command: python train.py\nmetrics: m.jsonl\ncheckpoints: ${checkpoints}\n`;
  for (const checkpoints of ['"out/*.pt"', 'model.pth', '{ glob: "{out}/ckpt-*.ckpt", average-last: 3 }']) {
    assert.throws(
      () => loadSettings({ file: { path: 'repro.yml', text: yamlOf(checkpoints) }, overrides: [] }),
      (error: Error) => /repro\.yml:3.*PyTorch pickle: save with `safetensors\.torch\.save_file`/s.test(error.message),
    );
  }
  assert.doesNotThrow(() =>
    loadSettings({
      file: {
        path: 'repro.yml',
        text: yamlOf(
          '{ glob: "{out}/ckpt-*.safetensors", average-last: 3, eval-command: "python eval.py --weights {checkpoint}" }',
        ),
      },
      overrides: [],
    }),
  );
});

test('sharded safetensors with model.safetensors.index.json read as one model', async () => {
  await withTemp(async (dir) => {
    const all = [
      f32('a.weight', [1, 2, 3]),
      f32('a.bias', [0]),
      tensor('b.count', 'I64', [], new BigInt64Array([7n])),
      f32('c.weight', [4, 5]),
    ];
    await writeSafetensors(path.join(dir, 'model-00001-of-00002.safetensors'), all.slice(0, 2), { format: 'pt' });
    await writeSafetensors(path.join(dir, 'model-00002-of-00002.safetensors'), all.slice(2), { format: 'pt' });
    const weightMap = {
      'a.weight': 'model-00001-of-00002.safetensors',
      'a.bias': 'model-00001-of-00002.safetensors',
      'b.count': 'model-00002-of-00002.safetensors',
      'c.weight': 'model-00002-of-00002.safetensors',
    };
    await writeFile(
      path.join(dir, 'model.safetensors.index.json'),
      JSON.stringify({ metadata: { total_size: 28 }, weight_map: weightMap }),
    );
    const whole = await writeSafetensors(path.join(dir, 'whole.safetensors'), all);
    const sharded = await fingerprintCheckpoint(dir); // the folder finds the index
    assert.deepEqual(sharded.tensors, (await fingerprintCheckpoint(whole)).tensors);

    await writeFile(
      path.join(dir, 'model.safetensors.index.json'),
      JSON.stringify({ weight_map: { ...weightMap, 'd.missing': 'model-00002-of-00002.safetensors' } }),
    );
    await rejects(
      path.join(dir, 'model.safetensors.index.json'),
      /weight_map lists tensors no shard holds: d\.missing/,
    );
    const { ['c.weight']: _, ...withoutC } = weightMap;
    await writeFile(path.join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: withoutC }));
    await rejects(
      path.join(dir, 'model.safetensors.index.json'),
      /shard model-00002-of-00002\.safetensors holds tensor "c\.weight", which weight_map does not list/,
    );
  });
});

test('a TensorFlow.js model.json with weight shards, as tf.io saves it, tensors spanning shard files', async () => {
  await withTemp(async (dir) => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 3, inputShape: [5], kernelInitializer: tf.initializers.randomNormal({ seed: 1 }) }),
      ],
    });
    const artifacts = await new Promise<tf.io.ModelArtifacts>((resolve) =>
      model.save(
        tf.io.withSaveHandler(
          async (a) => (resolve(a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }),
        ),
      ),
    );
    const data = new Uint8Array(artifacts.weightData as ArrayBuffer);
    // Cut the byte stream at an odd place, as a shard size may: the kernel spans two files.
    await mkdir(path.join(dir, 'web'));
    await writeFile(path.join(dir, 'web/group1-shard1of2.bin'), data.subarray(0, 37));
    await writeFile(path.join(dir, 'web/group1-shard2of2.bin'), data.subarray(37));
    const manifest = [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: artifacts.weightSpecs }];
    await writeFile(
      path.join(dir, 'web/model.json'),
      JSON.stringify({ modelTopology: artifacts.modelTopology, weightsManifest: manifest }),
    );
    const entry = await fingerprintCheckpoint(path.join(dir, 'web/model.json'), 16);
    const kernel = model.layers[0]!.getWeights()[0]!;
    assert.deepEqual(
      entry.tensors.map((t) => `${t.name}:${t.dtype}[${t.shape.join(',')}]`).sort(),
      artifacts.weightSpecs!.map((w) => `${w.name}:F32[${w.shape.join(',')}]`).sort(),
    );
    const kernelHash = entry.tensors.find((t) => t.shape.length === 2)!.sha256;
    assert.equal(
      kernelHash,
      createHash('sha256')
        .update(new Uint8Array((kernel.dataSync() as Float32Array).buffer))
        .digest('hex'),
    );

    await writeFile(path.join(dir, 'web/group1-shard2of2.bin'), data.subarray(37, data.length - 4));
    await rejects(path.join(dir, 'web/model.json'), /runs past the end of the shard files of weightsManifest\[0\]/);
    await writeFile(path.join(dir, 'other.json'), JSON.stringify({ hello: 1 }));
    await rejects(
      path.join(dir, 'other.json'),
      /TensorFlow\.js model\.json \(with "weightsManifest"\) or a safetensors shard index/,
    );
  });
});

test('repro-check fingerprint prints the tensors, as JSON the run record entry', async () => {
  const json = await cli(['fingerprint', 'bf16.safetensors', '--format', 'json'], fixtures);
  assert.equal(json.code, 0, json.stderr);
  const entry = JSON.parse(json.stdout);
  assert.deepEqual(entry, {
    path: 'bf16.safetensors',
    step: 3,
    tensors: [{ name: 't.bf16', dtype: 'BF16', shape: [2, 2], sha256: entry.tensors[0].sha256 }],
  });
  const markdown = await cli(['fingerprint', 'cnn_nondet_s0_a.safetensors'], fixtures);
  assert.equal(markdown.code, 0);
  assert.match(markdown.stdout, /\| `fc\.weight` \| F32 \| \[10, 4096\] \| `[0-9a-f]{64}` \|/);
  const bad = await cli(['fingerprint', 'nothing.safetensors'], fixtures);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /nothing\.safetensors: cannot be read \(no such file\)/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
});
