/** Beyond this many remembered summaries a miss costs more comparisons than the walk it would save. */
const MAX_REMEMBERED = 64;
/** The bytes of simple_value's float, at the end of a remembered summary. */
const FLOAT_BYTES = 4;

/**
 * Summaries of one scalar, remembered by their bytes. A logger writes the same Summary for a tag at
 * every step but for the float: the event's summary field, `summary { value { tag: "train/loss"
 * simple_value: 0.25 } }`, is the same bytes each time up to the simple_value's 4 bytes at its end.
 * Bytes that equal a summary field already walked, but for those last 4, are the same field but for
 * that float (a fixed32's bytes do not change how the rest is framed), so one found here needs no
 * walk: it is the remembered tag's value, read from its last 4 bytes. Bytes are compared 4 at a time
 * through a DataView (a byte loop over a tag cost as much as the rest of the event's walk). Writers
 * log their tags in the same order every step, so the lookup starts after the last summary found: in
 * steady state the first comparison matches.
 */
export class ScalarSummaries {
  /** By summary: its bytes but the last 4, as little-endian 32-bit words (see `words`). */
  private readonly prefixes: Int32Array[] = [];
  /** By summary: its length in bytes (the float's 4 included). */
  private readonly lengths: number[] = [];
  private readonly tagIds: number[] = [];
  private next = 0;

  /**
   * The tag number remembered with the summary field whose bytes, but the last 4, are those of
   * `view[start, end - 4)` (from the field's key to the end of its event); -1 when none is. `view`
   * must hold `[start, end)`.
   */
  find(view: DataView, start: number, end: number): number {
    const length = end - start;
    const count = this.lengths.length;
    let index = this.next;
    for (let probe = 0; probe < count; probe++, index++) {
      if (index === count) index = 0;
      if (this.lengths[index] === length && samePrefix(this.prefixes[index]!, view, start, length - FLOAT_BYTES)) {
        this.next = index + 1;
        return this.tagIds[index]!;
      }
    }
    return -1;
  }

  /**
   * Remembers the summary field in `view[start, end)` (from its key to the end of its event), which
   * the caller has walked and found to hold one Summary.Value, of tag number `tagId`, whose value is
   * the simple_value in its last 4 bytes. Fields of under 8 bytes and those past the first 64 are not
   * remembered.
   */
  remember(view: DataView, start: number, end: number, tagId: number): void {
    const prefixBytes = end - start - FLOAT_BYTES;
    if (prefixBytes < 4 || this.lengths.length >= MAX_REMEMBERED) return;
    const offsets = wordOffsets(prefixBytes);
    this.prefixes.push(Int32Array.from(offsets, (offset) => view.getInt32(start + offset, true)));
    this.lengths.push(end - start);
    this.tagIds.push(tagId);
  }
}

/**
 * Where the 32-bit words of a prefix of `bytes` bytes (4 or more) start: every 4 bytes, and when
 * `bytes` is not a multiple of 4 a last word that ends with the prefix (overlapping the one before).
 * Comparing those words compares every byte, without reading past the prefix.
 */
function wordOffsets(bytes: number): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset + 4 <= bytes; offset += 4) offsets.push(offset);
  if (bytes % 4 !== 0) offsets.push(bytes - 4);
  return offsets;
}

function samePrefix(words: Int32Array, view: DataView, start: number, bytes: number): boolean {
  const whole = bytes >>> 2;
  for (let i = 0; i < whole; i++) if (view.getInt32(start + 4 * i, true) !== words[i]) return false;
  return whole === words.length || view.getInt32(start + bytes - 4, true) === words[whole];
}
