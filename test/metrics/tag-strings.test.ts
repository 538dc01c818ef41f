import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TagStrings } from '../../src/metrics/tensorboard/tag-strings.ts';

describe('TagStrings', () => {
  it('gives back each tag as written, for more tags than it remembers, in any order, non-ASCII included', () => {
    const tags = [
      'loss',
      'lr',
      'train/loss',
      'éval/précision',
      ...Array.from({ length: 100 }, (_, i) => `layer${i}/grad_norm`),
    ];
    const encoded = tags.map((tag) => new TextEncoder().encode(tag));
    const strings = new TagStrings();
    for (const order of [tags.keys(), [...tags.keys()].reverse(), [3, 0, 3, 1, 2, 0]]) {
      for (const index of order) {
        // Padded on both sides, as a tag sits inside an event's bytes.
        const buf = new Uint8Array([7, ...encoded[index]!, 9]);
        assert.equal(strings.read(buf, 1, buf.length - 1), tags[index]);
      }
    }
  });
});
