import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lttbIndices } from '../../src/report/lttb.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('a series no longer than the budget is kept whole', () => {
  assert.deepEqual(lttbIndices([0, 1, 2], [[5, 6, 7]], 40), [0, 1, 2]);
});

test('at most maxPoints ascending indices, always the first and last', () => {
  const x = range(5000);
  const indices = lttbIndices(x, [x.map((s) => Math.sin(s / 300))], 40);
  assert.ok(indices.length <= 40 && indices.length >= 38, `${indices.length} indices`);
  assert.equal(indices[0], 0);
  assert.equal(indices.at(-1), 4999);
  assert.ok(
    indices.every((v, i) => i === 0 || v > indices[i - 1]!),
    'strictly ascending',
  );
});

test('a lone spike survives, where evenly spaced picks would step over it', () => {
  const x = range(1000);
  const y = x.map((s) => (s === 517 ? 10 : 0));
  assert.ok(lttbIndices(x, [y], 20).includes(517));
  const even = Array.from({ length: 20 }, (_, k) => Math.round((k * 999) / 19));
  assert.ok(!even.includes(517), 'the test would not tell LTTB from even spacing');
});

test('must-keep indices are kept, and the budget still holds', () => {
  const x = range(10_000);
  const y = x.map((s) => 1 / (1 + s));
  const indices = lttbIndices(x, [y], 40, [4321, 4322, 9998, -3, 20_000]);
  assert.ok(indices.length <= 40);
  for (const kept of [0, 4321, 4322, 9998, 9999]) assert.ok(indices.includes(kept), `keeps ${kept}`);
});

test('curves of very different scales all count: the point where the small one kinks is picked', () => {
  const x = range(2000);
  const big = x.map((s) => 1000 - s * 0.1); // a straight line: no point stands out
  const small = x.map((s) => (s >= 1234 ? 1e-6 : 0)); // a step of 1e-6 at 1234
  const indices = lttbIndices(x, [big, small], 30);
  assert.ok(
    indices.some((i) => i === 1233 || i === 1234),
    `near 1234 in ${indices.join(',')}`,
  );
});

test('bad arguments are refused with a RangeError naming the problem', () => {
  assert.throws(() => lttbIndices([0, 1, 2], [[1, 2]], 10), /every curve needs 3 values/);
  assert.throws(() => lttbIndices(range(100), [range(100)], 1), /maxPoints must be at least 2/);
  assert.throws(
    () => lttbIndices(range(100), [range(100)], 3, [10, 20, 30]),
    /5 indices must be kept but maxPoints is 3/,
  );
});
