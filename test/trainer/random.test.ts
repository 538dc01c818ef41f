import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../src/trainer/random.ts';

test('a seed gives one fixed sequence: baselines made with it stay valid', () => {
  const random = createRandom(1234);
  // Pinned values: changing the generator changes every builtin:smoke baseline.
  assert.deepEqual(
    [random.uniform(), random.uniform(), random.normal(), random.int(10), random.nextSeed()],
    [0.44881061946429535, 0.3171622996346791, -0.07739679413886882, 7, 1008429276],
  );
  assert.deepEqual(random.shuffle([1, 2, 3, 4, 5, 6]), [5, 6, 1, 2, 4, 3]);
  const again = createRandom(1234);
  const other = createRandom(1235);
  const first = Array.from({ length: 100 }, () => again.uniform());
  const second = createRandom(1234);
  assert.deepEqual(
    first,
    Array.from({ length: 100 }, () => second.uniform()),
  );
  assert.notDeepEqual(
    first,
    Array.from({ length: 100 }, () => other.uniform()),
  );
});

test('draws stay in range and cover it', () => {
  const random = createRandom(0);
  const counts = new Array<number>(7).fill(0);
  for (let i = 0; i < 7000; i++) {
    const u = random.uniform();
    assert.ok(u >= 0 && u < 1);
    counts[random.int(7)]!++;
    const seed = random.nextSeed();
    assert.ok(Number.isInteger(seed) && seed >= 1 && seed <= 2 ** 31 - 1);
  }
  // Every residue is drawn, roughly equally (1000 expected each).
  assert.ok(
    counts.every((count) => count > 850 && count < 1150),
    counts.join(','),
  );
  assert.equal(random.int(1), 0);
  const normals = Array.from({ length: 4000 }, () => random.normal());
  const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
  const variance = normals.reduce((s, v) => s + (v - mean) ** 2, 0) / normals.length;
  assert.ok(Math.abs(mean) < 0.1 && Math.abs(variance - 1) < 0.1, `mean ${mean}, variance ${variance}`);
  const shuffled = random.shuffle(Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual(
    [...shuffled].sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(
    shuffled,
    Array.from({ length: 50 }, (_, i) => i),
  );
});

test('bad seeds and bounds are refused', () => {
  assert.throws(() => createRandom(-1), /seed must be an integer in \[0, 2\^32 - 1\], got -1/);
  assert.throws(() => createRandom(1.5), /got 1.5/);
  assert.throws(() => createRandom(2 ** 32), RangeError);
  assert.throws(() => createRandom(1).int(0), /int\(n\) needs an integer n in \[1, 2\^32\], got 0/);
});

test('getState/setState: a generator put back in a fresh one (another seed) draws what followed, through JSON', () => {
  const original = createRandom(42);
  for (let i = 0; i < 37; i++) original.normal();
  const saved = JSON.parse(JSON.stringify(original.getState())) as number[];
  assert.ok(saved.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff));
  const restored = createRandom(1);
  restored.setState(saved);
  const draws = (random: ReturnType<typeof createRandom>) => [
    random.uniform(),
    random.normal(),
    random.int(1000),
    random.nextSeed(),
    random.shuffle([1, 2, 3, 4, 5]),
  ];
  assert.deepEqual(draws(restored), draws(original));
  assert.throws(() => restored.setState([0, 0, 0, 0]), /not all zero/);
  assert.throws(() => restored.setState([1, 2, 3]), /four uint32 words/);
  assert.throws(() => restored.setState([1, 2, 3, 2 ** 32]), RangeError);
});
