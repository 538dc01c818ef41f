import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { averagingWeights } from '../../src/checkpoints/averaging.ts';
import { mergeCheckpoints } from '../../src/checkpoints/merge.ts';
import { orderCheckpoints } from '../../src/checkpoints/order.ts';
import { parseSafetensors, type SafetensorsTensor } from '../../src/safetensors/format.ts';
import { toFloat64Array } from '../../src/safetensors/values.ts';
import { cli, f32, tensor, withTemp, writeSafetensors } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const numpySkip =
  spawnSync(PYTHON, ['-c', 'import numpy']).status === 0
    ? false
    : `${PYTHON} cannot import numpy (apt install python3-numpy)`;
const reference = path.resolve('test/checkpoints/numpy_merge.py');

/** A seeded generator (mulberry32), so that failures can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random checkpoints of every float dtype, one F16 tensor over a chunk (1 Mi elements) long, and a step counter. */
function randomCheckpoint(seed: number, step: number): SafetensorsTensor[] {
  const next = random(seed);
  const normal = () => (next() + next() + next() - 1.5) * 2;
  const floats = (n: number) => Array.from({ length: n }, normal);
  const bits = (n: number, wide: (v: number) => number) =>
    new Uint16Array(Array.from({ length: n }, () => wide(normal())));
  const f32Bits = new DataView(new ArrayBuffer(4));
  const bf16 = (v: number) => (f32Bits.setFloat32(0, v), f32Bits.getUint32(0) >>> 16);
  return [
    f32('layer.0.weight', floats(300 * 7), [300, 7]),
    tensor('layer.0.bias', 'F64', [33], new Float64Array(floats(33))),
    tensor('layer.1.weight', 'BF16', [500], bits(500, bf16)),
    // F16 from float32 values rounded by the Float32Array -> half path of numpy on read: any bits will do.
    tensor(
      'layer.1.big',
      'F16',
      [1_200_000],
      bits(1_200_000, () => Math.floor(next() * 0x7bff) | (next() < 0.5 ? 0x8000 : 0)),
    ),
    tensor('bn.num_batches_tracked', 'I64', [], new BigInt64Array([BigInt(step)])),
  ];
}

test('averaging weights: SMA equal, EMA the unrolled recursion, WMA rising; all sum to 1', () => {
  assert.deepEqual(averagingWeights('sma', 4), [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(averagingWeights('wma', 3), [1 / 6, 2 / 6, 3 / 6]);
  const ema = averagingWeights('ema', 3, 0.5);
  assert.deepEqual(ema, [0.25, 0.25, 0.5]);
  // e1 = c1; e2 = d e1 + (1-d) c2; e3 = d e2 + (1-d) c3, evaluated on numbers.
  const c = [3, 5, 11];
  const d = 0.8;
  const recursion = c.slice(1).reduce((e, x) => d * e + (1 - d) * x, c[0]!);
  const closed = averagingWeights('ema', 3, d).reduce((sum, w, i) => sum + w * c[i]!, 0);
  assert.ok(Math.abs(recursion - closed) < 1e-12);
  for (const method of ['sma', 'ema', 'wma'] as const)
    assert.ok(Math.abs(averagingWeights(method, 7).reduce((a, b) => a + b) - 1) < 1e-12, method);
});

test('last K: by the step in metadata, else by natural name order (ckpt-100 after ckpt-20)', () => {
  const names = ['ckpt-100.safetensors', 'ckpt-20.safetensors', 'ckpt-3.safetensors', 'ckpt-1000.safetensors'];
  assert.deepEqual(
    orderCheckpoints(names.map((p) => ({ path: `out/${p}`, step: null }))).map((c) => path.basename(c.path)),
    ['ckpt-3.safetensors', 'ckpt-20.safetensors', 'ckpt-100.safetensors', 'ckpt-1000.safetensors'],
  );
  const stepped = [
    { path: 'b.safetensors', step: 30 },
    { path: 'a.safetensors', step: 40 },
    { path: 'c.safetensors', step: 10 },
  ];
  assert.deepEqual(
    orderCheckpoints(stepped).map((c) => c.path),
    ['c.safetensors', 'b.safetensors', 'a.safetensors'],
  );
  // One without a step: names decide for all.
  assert.deepEqual(
    orderCheckpoints([...stepped, { path: 'd.safetensors', step: null }]).map((c) => c.path),
    ['a.safetensors', 'b.safetensors', 'c.safetensors', 'd.safetensors'],
  );
});

for (const [method, decay] of [
  ['sma', 0.9],
  ['ema', 0.7],
  ['wma', 0.9],
] as const) {
  test(
    `${method} merge equals a float64 numpy reference bit for bit, in every float dtype, across chunks`,
    { skip: numpySkip },
    async () => {
      await withTemp(async (dir) => {
        const files: string[] = [];
        for (let k = 0; k < 4; k++)
          files.push(
            await writeSafetensors(
              path.join(dir, `ckpt-${(k + 1) * 5}.safetensors`),
              randomCheckpoint(100 + k, (k + 1) * 5),
              { step: String((k + 1) * 5) },
            ),
          );
        const out = path.join(dir, 'merged.safetensors');
        const result = await mergeCheckpoints({ inputs: files, method, decay, out });
        assert.deepEqual([result.averaged, result.copied], [4, 1]);
        const merged = parseSafetensors(await readFile(out), out);
        const expected = JSON.parse(
          execFileSync(PYTHON, [reference, method, String(decay), ...files], {
            maxBuffer: 64 * 1024 * 1024,
          }).toString(),
        ) as Record<string, string>;
        for (const [name, hex] of Object.entries(expected)) {
          const ours = Buffer.from(merged.tensors.find((t) => t.name === name)!.data);
          assert.ok(ours.equals(Buffer.from(hex, 'hex')), `${name} differs from numpy`);
        }
        assert.deepEqual(
          [...toFloat64Array(merged.tensors.find((t) => t.name === 'bn.num_batches_tracked')!)],
          [20],
          'integer tensors come from the newest',
        );
        const provenance = JSON.parse(merged.metadata!.repro_check_merge!);
        assert.equal(provenance.method, method);
        assert.deepEqual(
          provenance.inputs.map((i: { step: number }) => i.step),
          [5, 10, 15, 20],
        );
        assert.equal(merged.metadata!.step, '20');
        // Independent random checkpoints: deltas anti-correlate (d_k and d_k+1 share c_k+1 with opposite signs): cos ≈ −0.5.
        assert.equal(result.deltaCosines.length, 2);
        for (const cosine of result.deltaCosines) assert.ok(cosine < -0.4 && cosine > -0.6, `delta cosine ${cosine}`);
      });
    },
  );
}

test('repro-check merge: last K by step, refuses mismatched inputs and overwriting an input; output written atomically', async () => {
  await withTemp(async (dir) => {
    for (const step of [100, 20, 3])
      await writeSafetensors(path.join(dir, `ckpt-${step}.safetensors`), [f32('w', [step, 0])], { step: String(step) });
    const run = await cli(
      [
        'merge',
        '--method',
        'sma',
        '--last',
        '2',
        '-o',
        'avg.safetensors',
        'ckpt-3.safetensors',
        'ckpt-100.safetensors',
        'ckpt-20.safetensors',
      ],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /Merged 2 checkpoints into avg\.safetensors[\s\S]*ckpt-20\.safetensors \(step 20\)[\s\S]*ckpt-100\.safetensors \(step 100\)/,
    );
    const merged = parseSafetensors(await readFile(path.join(dir, 'avg.safetensors')), 'avg');
    assert.deepEqual([...toFloat64Array(merged.tensors[0]!)], [60, 0]);

    await writeSafetensors(path.join(dir, 'other.safetensors'), [f32('w', [1, 2, 3])]);
    const mismatch = await cli(
      ['merge', '--method', 'sma', '-o', 'bad.safetensors', 'ckpt-3.safetensors', 'other.safetensors'],
      dir,
    );
    assert.equal(mismatch.code, 2);
    assert.match(
      mismatch.stderr,
      /cannot average: tensor "w" is F32 \[2\] in .*ckpt-3\.safetensors but F32 \[3\] in .*other\.safetensors/,
    );
    const before = await readFile(path.join(dir, 'ckpt-3.safetensors'));
    const self = await cli(
      ['merge', '--method', 'sma', '-o', 'ckpt-3.safetensors', 'ckpt-3.safetensors', 'ckpt-20.safetensors'],
      dir,
    );
    assert.equal(self.code, 2);
    assert.match(self.stderr, /is one of the checkpoints to average/);
    assert.deepEqual(await readFile(path.join(dir, 'ckpt-3.safetensors')), before);
    const flags = await cli(['merge', '--method', 'median', '--decay', '2', 'ckpt-3.safetensors'], dir);
    assert.equal(flags.code, 2);
    assert.match(
      flags.stderr,
      /--method median: accepted: sma, ema, wma[\s\S]*--decay is for --method ema only[\s\S]*-o OUT is required/,
    );
    await writeFile(path.join(dir, 'model.pt'), new Uint8Array([0x80, 0x02, 0, 0, 0, 0, 0, 0, 0]));
    const pickle = await cli(
      ['merge', '--method', 'sma', '-o', 'x.safetensors', 'model.pt', 'ckpt-3.safetensors'],
      dir,
    );
    assert.equal(pickle.code, 2);
    assert.match(pickle.stderr, /model\.pt: not a safetensors file: it is a Python pickle/);
  });
});

test('a merge of 10 checkpoints of 200 MB in all keeps peak memory bounded (child process)', async () => {
  await withTemp(async (dir) => {
    const files: string[] = [];
    // 10 × (2 F32 tensors of 2.5 Mi elements = 20 MiB).
    const values = new Float32Array(2.5 * 1024 * 1024);
    for (let k = 0; k < 10; k++) {
      values.fill(k);
      files.push(
        await writeSafetensors(
          path.join(dir, `c-${k}.safetensors`),
          [tensor('a', 'F32', [values.length], values), tensor('b', 'F32', [values.length], values)],
          { step: String(k) },
        ),
      );
    }
    const rss = (args: string[]) => {
      const script = `import('${path.resolve('src/cli/main.ts')}').then(async (m) => { const code = await m.runCli(${JSON.stringify(args)}, { cwd: ${JSON.stringify(dir)}, env: {}, stdout: () => {}, stderr: (t) => process.stderr.write(t) }); process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS * 1024 })); })`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as { code: number; maxRss: number };
    };
    const idle = rss(['fingerprint', 'c-0.safetensors']);
    const merge = rss(['merge', '--method', 'sma', '-o', 'avg.safetensors', ...files.map((f) => path.basename(f))]);
    assert.equal(merge.code, 0);
    const largestTensor = values.byteLength;
    const growth = merge.maxRss - idle.maxRss;
    assert.ok(
      growth <= 3 * largestTensor + 100 * 1024 * 1024,
      `merge peak RSS ${(merge.maxRss / 2 ** 20).toFixed(0)} MiB, ${(growth / 2 ** 20).toFixed(0)} MiB over fingerprinting one file`,
    );
    const merged = parseSafetensors(await readFile(path.join(dir, 'avg.safetensors')), 'avg');
    assert.equal(toFloat64Array(merged.tensors[0]!)[12345], Math.fround(4.5));
  });
});
