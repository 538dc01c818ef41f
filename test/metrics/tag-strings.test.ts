import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TagStrings } from '../../src/metrics/tensorboard/tag-strings.ts';

describe('TagStrings', () => {
  it('gives back each tag as written, for more tags than it compares by bytes, in any order, non-ASCII included', () => {
    const tags = [
      'loss',
      'lr',
      'train/loss',
      'éval/précision',
      ...Array.from({ length: 100 }, (_, i) => `layer${i}/grad_norm`),
    ];
    const encoded = tags.map((tag) => new TextEncoder().encode(tag));
    const strings = new TagStrings();
    const ids = new Map<string, number>();
    for (const order of [tags.keys(), [...tags.keys()].reverse(), [3, 0, 3, 1, 2, 0, 90, 3, 90]]) {
      for (const index of order) {
        // Padded on both sides, as a tag sits inside an event's bytes.
        const buf = new Uint8Array([7, ...encoded[index]!, 9]);
        const id = strings.read(buf, 1, buf.length - 1);
        assert.equal(strings.tag(id), tags[index]);
        // One number per tag, the same each time it is met.
        assert.equal(ids.get(tags[index]!) ?? id, id, tags[index]);
        ids.set(tags[index]!, id);
      }
    }
    assert.equal(new Set(ids.values()).size, tags.length);
  });
});
