import protobuf from 'protobufjs';

// Beyond this many distinct tags a miss costs more comparisons than decoding; later tags are decoded and looked up by string.
const MAX_COMPARED = 64;

/**
 * The tags of a log, each numbered (0, 1, 2, … in order of first appearance) and looked up by its UTF-8
 * bytes. A log repeats a few tags millions of times, so decoding each one again (and hashing the fresh
 * string to find its series) cost more than reading the rest of the event; a number lets the caller
 * keep what belongs to a tag in an array. Writers log their tags in the same order every step, so the
 * lookup starts after the last tag found: in steady state the first comparison matches.
 */
export class TagStrings {
  private readonly compared: Uint8Array[] = [];
  private readonly tags: string[] = [];
  private readonly idsOfRest = new Map<string, number>();
  private next = 0;

  /** The number of the tag whose UTF-8 bytes are `buf[start, end)`. */
  read(buf: Uint8Array, start: number, end: number): number {
    const count = this.compared.length;
    let id = this.next;
    for (let probe = 0; probe < count; probe++, id++) {
      if (id === count) id = 0;
      if (sameBytes(this.compared[id]!, buf, start, end)) {
        this.next = id + 1;
        return id;
      }
    }
    const tag = protobuf.util.utf8.read(buf, start, end);
    const known = this.idsOfRest.get(tag);
    if (known !== undefined) return known;
    const added = this.tags.length;
    this.tags.push(tag);
    if (count < MAX_COMPARED) this.compared.push(buf.slice(start, end));
    else this.idsOfRest.set(tag, added);
    return added;
  }

  /** The tag numbered `id` by `read`. */
  tag(id: number): string {
    return this.tags[id]!;
  }
}

function sameBytes(known: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== buf[start + i]) return false;
  return true;
}
