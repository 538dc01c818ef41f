import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ScalarSummaries } from '../../src/metrics/tensorboard/scalar-summaries.ts';

/** `bytes` at `at` inside a larger buffer (a summary sits inside an event), and a DataView of all of it. */
function placed(bytes: number[], at: number): DataView {
  const buffer = new Uint8Array(at + bytes.length + 5).fill(0xee);
  buffer.set(bytes, at);
  return new DataView(buffer.buffer);
}

describe('ScalarSummaries', () => {
  it('finds a summary whose bytes match but for the last 4, and no other, whatever its length', () => {
    // Lengths 8 to 16: prefixes of 4 to 12 bytes, with and without a last word that overlaps the one before.
    for (let length = 8; length <= 16; length++) {
      const bytes = Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const summaries = new ScalarSummaries();
      summaries.remember(placed(bytes, 3), 3, 3 + length, 7);
      assert.equal(summaries.find(placed(bytes, 9), 9, 9 + length), 7, `length ${length}`);
      for (let changed = 0; changed < length; changed++) {
        const other = [...bytes];
        other[changed] = other[changed]! ^ 0x01;
        const found = summaries.find(placed(other, 1), 1, 1 + length);
        // The last 4 bytes are the float: any value there is the same summary.
        assert.equal(found, changed >= length - 4 ? 7 : -1, `length ${length}, byte ${changed} changed`);
      }
      // The same prefix in a longer or shorter summary is another message.
      assert.equal(summaries.find(placed([...bytes, 0], 0), 0, length + 1), -1);
      assert.equal(summaries.find(placed(bytes.slice(0, -1), 0), 0, length - 1), -1);
    }
  });

  it('tells apart several summaries met in any order, and does not remember ones of under 8 bytes', () => {
    const summaries = new ScalarSummaries();
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const b = [1, 2, 3, 4, 5, 9, 7, 8, 9, 10];
    const c = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    summaries.remember(placed(a, 0), 0, a.length, 0);
    summaries.remember(placed(b, 0), 0, b.length, 1);
    summaries.remember(placed(c, 0), 0, c.length, 2);
    summaries.remember(placed([1, 2, 3, 4, 5, 6, 7], 0), 0, 7, 3);
    for (const [bytes, id] of [
      [c, 2],
      [a, 0],
      [a, 0],
      [b, 1],
      [c, 2],
      [b, 1],
      [[1, 2, 3, 4, 5, 6, 7], -1],
    ] as const)
      assert.equal(summaries.find(placed([...bytes], 2), 2, 2 + bytes.length), id);
  });
});
