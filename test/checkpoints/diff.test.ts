import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { diffCheckpoints } from '../../src/checkpoints/diff.ts';
import { withCheckpoint } from '../../src/checkpoints/source.ts';
import { cli, f32, tensor, withTemp, writeSafetensors } from './helpers.ts';

const fixtures = path.resolve('test/fixtures/safetensors');

async function diffFiles(a: string, b: string, tolerance: { rtol: number; atol: number } | null, chunk?: number) {
  return withCheckpoint(a, (ca) =>
    withCheckpoint(b, (cb) =>
      diffCheckpoints(ca, cb, tolerance === null ? null : { ...tolerance, exact: false }, chunk),
    ),
  );
}

test('two same-seed runs that parted through cuDNN: every float tensor differs a little, the step counter not', async () => {
  const a = path.join(fixtures, 'cnn_nondet_s0_a.safetensors');
  const b = path.join(fixtures, 'cnn_nondet_s0_b.safetensors');
  const diff = await diffFiles(a, b, null);
  assert.equal(diff.status, 'differ');
  const byName = Object.fromEntries(diff.tensors.map((t) => [t.name, t]));
  assert.equal(byName['bn.num_batches_tracked']!.status, 'identical');
  assert.equal(byName['bn.num_batches_tracked']!.dtype, 'I64');
  for (const t of diff.tensors.filter((t) => t.dtype === 'F32')) {
    assert.equal(t.status, 'differ', t.name);
    assert.ok(t.maxAbsDiff! > 0 && t.relL2! > 0 && t.relL2! < 0.05, `${t.name}: relL2 ${t.relL2}`);
    assert.ok(t.cosine! > 0.99 && t.cosine! <= 1 + 1e-12, `${t.name}: cosine ${t.cosine}`);
  }
  // Small chunks give the same numbers up to float64 summation order.
  const chunked = await diffFiles(a, b, null, 64);
  for (const [i, t] of chunked.tensors.entries()) {
    assert.equal(t.maxAbsDiff, diff.tensors[i]!.maxAbsDiff);
    assert.ok(Math.abs(t.relL2! - diff.tensors[i]!.relL2!) <= 1e-12 * diff.tensors[i]!.relL2!);
  }
  assert.deepEqual(
    diff.layers.map((l) => `${l.layer}:${l.tensors}:${l.differing}`),
    ['bn:5:4', 'c1:2:2', 'c2:2:2', 'fc:2:2'],
  );
  // A loose tolerance takes them in; the integer tensor stays exact.
  assert.equal((await diffFiles(a, b, { rtol: 0.05, atol: 0.01 })).status, 'within-tolerance');
  assert.equal((await diffFiles(a, a, null)).status, 'identical');
});

test('relative L2 and cosine: hand-computed values, all-zero tensors, NaN and infinity reported as such', async () => {
  await withTemp(async (dir) => {
    const a = await writeSafetensors(path.join(dir, 'a.safetensors'), [
      f32('l.w', [3, 4]),
      f32('l.zero', [0, 0]),
      f32('l.zero_a', [0, 0]),
      f32('l.zero_b', [1, 0]),
      f32('l.nan', [1, NaN]),
      f32('l.inf', [Infinity, 1]),
      tensor('l.n', 'I64', [], new BigInt64Array([5n])),
      tensor('l.mask', 'BOOL', [2], new Uint8Array([1, 0])),
      f32('only.a', [1]),
      f32('shape', [1, 2]),
    ]);
    const b = await writeSafetensors(path.join(dir, 'b.safetensors'), [
      f32('l.w', [3, 5]),
      f32('l.zero', [0, 0]),
      f32('l.zero_a', [0, 2]),
      f32('l.zero_b', [0, 0]),
      f32('l.nan', [1, 2]),
      f32('l.inf', [Infinity, 1]),
      tensor('l.n', 'I64', [], new BigInt64Array([6n])),
      tensor('l.mask', 'BOOL', [2], new Uint8Array([1, 0])),
      f32('only.b', [1]),
      f32('shape', [1, 2, 3], [3]),
    ]);
    const diff = await diffFiles(a, b, { rtol: 10, atol: 10 });
    const t = Object.fromEntries(diff.tensors.map((x) => [x.name, x]));
    assert.deepEqual([t['l.w']!.maxAbsDiff, t['l.w']!.relL2, t['l.w']!.cosine], [1, 1 / 5, 29 / (5 * Math.sqrt(34))]);
    assert.equal(t['l.w']!.status, 'within-tolerance');
    assert.deepEqual([t['l.zero']!.status, t['l.zero']!.relL2, t['l.zero']!.cosine], ['identical', 0, 1]);
    assert.deepEqual([t['l.zero_a']!.relL2, t['l.zero_a']!.cosine], [Infinity, NaN]);
    assert.deepEqual([t['l.zero_b']!.relL2, t['l.zero_b']!.cosine], [1, NaN]);
    assert.deepEqual([t['l.nan']!.status, t['l.nan']!.maxAbsDiff], ['differ', NaN]);
    assert.equal(t['l.inf']!.status, 'identical');
    assert.deepEqual(
      [t['l.n']!.status, t['l.n']!.maxAbsDiff],
      ['differ', 1],
      'integers are exact whatever the tolerance',
    );
    assert.equal(t['l.mask']!.status, 'identical');
    assert.equal(t['only.a']!.status, 'only-a');
    assert.equal(t['only.b']!.status, 'only-b');
    assert.deepEqual([t['shape']!.status, t['shape']!.other], ['mismatch', { dtype: 'F32', shape: [3] }]);
    assert.equal(diff.status, 'differ');

    const json = await cli(['diff-weights', 'a.safetensors', 'b.safetensors', '--format', 'json'], dir);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.status, 'differ');
    assert.deepEqual(
      parsed.tensors.find((x: { name: string }) => x.name === 'l.zero_a'),
      { name: 'l.zero_a', status: 'differ', dtype: 'F32', shape: [2], maxAbsDiff: 2, relL2: 'Infinity', cosine: 'NaN' },
    );
    const markdown = await cli(['diff-weights', 'a.safetensors', 'b.safetensors'], dir);
    assert.match(markdown.stdout, /`shape`: F32 \[2\] in A, F32 \[3\] in B/);
    assert.match(markdown.stdout, /`only\.a` only in A/);
    assert.match(markdown.stdout, /\| `l\.zero_a` \| F32 \| \[2\] \| differ \| 2 \| ∞ \| NaN \|/);
    assert.match(markdown.stdout, /\| `l` \| 8 \| 5 \|/);
  });
});

test('diff-weights exit codes: 0 identical or within --rtol/--atol, 1 differ, 2 bad input', async () => {
  await withTemp(async (dir) => {
    await writeSafetensors(path.join(dir, 'a.safetensors'), [f32('w', [1, 2])]);
    await writeSafetensors(path.join(dir, 'b.safetensors'), [f32('w', [1, 2.000001])]);
    assert.equal((await cli(['diff-weights', 'a.safetensors', 'a.safetensors'], dir)).code, 0);
    assert.equal((await cli(['diff-weights', 'a.safetensors', 'b.safetensors'], dir)).code, 1);
    assert.equal((await cli(['diff-weights', 'a.safetensors', 'b.safetensors', '--rtol', '1e-5'], dir)).code, 0);
    assert.equal(
      (await cli(['diff-weights', 'a.safetensors', 'b.safetensors', '--atol', '0', '--rtol', '1e-8'], dir)).code,
      1,
    );
    const bad = await cli(['diff-weights', 'a.safetensors', 'b.safetensors', '--rtol', 'x'], dir);
    assert.deepEqual([bad.code, /--rtol x: expected a non-negative number/.test(bad.stderr)], [2, true]);
    assert.equal((await cli(['diff-weights', 'a.safetensors'], dir)).code, 2);
    const pickle = await cli(['diff-weights', 'a.safetensors', 'model.pt'], dir);
    assert.equal(pickle.code, 2);
    assert.equal(
      (await cli(['diff-weights', 'a.safetensors', 'b.safetensors', '--method', 'sma'], dir)).code,
      2,
      'an option of another command',
    );
  });
});
