import protobuf from 'protobufjs';

// Beyond this many distinct tags a miss costs more comparisons than decoding; later tags are decoded each time.
const MAX_TAGS = 64;

/**
 * The tag strings of a log, looked up by their UTF-8 bytes. A log repeats a few tags millions of times,
 * so decoding each one again (and hashing the fresh string to find its series) cost more than reading
 * the rest of the event. Writers log their tags in the same order every step, so the lookup starts
 * after the last tag found: in steady state the first comparison matches. Returning the same string
 * object also lets the series lookup by tag reuse the string's hash.
 */
export class TagStrings {
  private readonly known: Array<{ bytes: Uint8Array; tag: string }> = [];
  private next = 0;

  /** The tag whose UTF-8 bytes are `buf[start, end)`. */
  read(buf: Uint8Array, start: number, end: number): string {
    const count = this.known.length;
    for (let probe = 0; probe < count; probe++) {
      const index = (this.next + probe) % count;
      const entry = this.known[index]!;
      if (sameBytes(entry.bytes, buf, start, end)) {
        this.next = (index + 1) % count;
        return entry.tag;
      }
    }
    const tag = protobuf.util.utf8.read(buf, start, end);
    if (count < MAX_TAGS) this.known.push({ bytes: buf.slice(start, end), tag });
    return tag;
  }
}

function sameBytes(known: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== buf[start + i]) return false;
  return true;
}
