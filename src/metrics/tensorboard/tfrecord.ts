import CRC32C from 'crc-32/crc32c.js';

/**
 * TFRecord framing, as TensorFlow's `RecordWriter` writes it (tensorflow/core/lib/io/record_writer.h;
 * the same framing holds TensorBoard event files):
 *
 *     uint64 length (little-endian) | uint32 masked_crc32c(length) | data[length] | uint32 masked_crc32c(data)
 *
 * The CRC is CRC-32C (Castagnoli), "masked" so that a CRC of data that itself holds CRCs is not trivially
 * zero: rotate right by 15 bits and add 0xa282ead8 (tensorflow/core/lib/hash/crc32c.h, `Mask`).
 */
const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;
const MASK_DELTA = 0xa282ead8;
/** Slots of the memo of checked length headers (a power of two). */
const MEMO_SLOTS = 256;
/** Payloads up to this size are copied to the scanner's scratch space rather than viewed in place. */
const MAX_SCRATCH_BYTES = 4096;

/** The masked CRC-32C of `bytes`, as an unsigned 32-bit integer. */
export function maskedCrc32c(bytes: Uint8Array): number {
  const crc = CRC32C.buf(bytes) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/**
 * True when `bytes` start with a TFRecord header whose length CRC checks: 12 bytes that random text or
 * another binary format matches by chance once in 2^32.
 */
export function startsWithTfRecordHeader(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES) return false;
  return readUint32(bytes, 8) === maskedCrc32c(bytes.subarray(0, 8));
}

/** A record whose framing or CRC does not check: `offset` is the byte where the record starts. */
export class TfRecordCorruption extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`${problem} (record at byte ${offset})`);
    this.name = 'TfRecordCorruption';
  }
}

/**
 * Called with a record's payload (a view, valid only during the call) and the file offset where the
 * record starts. The same bytes are `bytes[start, start + data.length)`, and `view` is a DataView of
 * all of `bytes`: both stay the same for many records, so that a reader can walk each payload by
 * position without reading `data`'s `buffer` or `byteOffset` (which V8 does not inline: each cost
 * about as much as reading a small event).
 */
export type OnRecord = (data: Uint8Array, offset: number, bytes: Uint8Array, view: DataView, start: number) => void;

/**
 * Walks the records of a TFRecord file handed over in pieces (see record-file.ts): each call scans the
 * complete records in a buffer and says where the first incomplete one begins, so that the caller can
 * keep those bytes and read more after them. The length and data CRCs of every record are checked
 * before its payload is handed on.
 */
export class TfRecordScanner {
  /**
   * After `scan`: the bytes that the record at the returned position needs in all (its header's 12
   * until its length is known), so that a caller can tell a record larger than its buffer.
   */
  needed = HEADER_BYTES;
  // Length headers whose CRC checked, by the low byte of the length: a log's records repeat a few
  // lengths (one per tag, interleaved), and the same 8 bytes with the same stored CRC need not be
  // checked again. -1 matches no header.
  private readonly checkedLow = new Float64Array(MEMO_SLOTS).fill(-1);
  private readonly checkedHigh = new Float64Array(MEMO_SLOTS).fill(-1);
  private readonly checkedCrc = new Float64Array(MEMO_SLOTS).fill(-1);
  /** Views of the scratch space at the start of `scratchBuffer`, by length, made when first needed. */
  private scratchViews: Array<Uint8Array | undefined> = [];
  private scratchBuffer: ArrayBufferLike | null = null;

  /**
   * Hands each complete record in `buf[from, end)` to `onRecord`, `base` being the file offset of
   * `buf[from]`, and returns the position in `buf` where the first incomplete record starts (`end`
   * when none is left over).
   *
   * `buf[0, from)` is scratch space: a payload shorter than it (up to 4 KiB) is copied there and
   * handed over as a view of it, one view per length made once, so that a log's millions of small
   * records cost no allocation each (a view per record cost as much as its CRC). With `from` 0 every
   * payload is a view in place.
   *
   * Throws TfRecordCorruption (with the file offset) when a length or data CRC does not match: the
   * file was damaged or is not a TFRecord file past that point.
   */
  scan(buf: Uint8Array, from: number, end: number, base: number, onRecord: OnRecord): number {
    const view = new DataView(buf.buffer, buf.byteOffset, end);
    const bytes = slice(buf, 0, end);
    const { checkedLow, checkedHigh, checkedCrc } = this;
    if (this.scratchBuffer !== buf.buffer) {
      this.scratchBuffer = buf.buffer;
      this.scratchViews = new Array<Uint8Array | undefined>(Math.min(from, MAX_SCRATCH_BYTES));
    }
    const scratchViews = this.scratchViews;
    let position = from;
    while (end - position >= HEADER_BYTES) {
      const low = view.getUint32(position, true);
      const high = view.getUint32(position + 4, true);
      const lengthCrc = view.getUint32(position + 8, true);
      const slot = low & (MEMO_SLOTS - 1);
      if (checkedLow[slot] !== low || checkedHigh[slot] !== high || checkedCrc[slot] !== lengthCrc) {
        if (lengthCrc !== maskedCrc32c(slice(buf, position, 8))) {
          throw new TfRecordCorruption(base + position - from, 'the CRC of the record length does not match');
        }
        checkedLow[slot] = low;
        checkedHigh[slot] = high;
        checkedCrc[slot] = lengthCrc;
      }
      // The length as two 32-bit halves: a BigInt per record would cost more than the record's CRC.
      const length = low + high * 2 ** 32;
      const recordBytes = HEADER_BYTES + length + FOOTER_BYTES;
      if (recordBytes > end - position) {
        this.needed = recordBytes;
        return position;
      }
      const dataStart = position + HEADER_BYTES;
      let data: Uint8Array;
      let start = 0;
      if (length < scratchViews.length) {
        copyToScratch(view, buf, dataStart, length);
        data = scratchViews[length] ??= slice(buf, 0, length);
      } else {
        data = slice(buf, dataStart, length);
        start = dataStart;
      }
      if (view.getUint32(dataStart + length, true) !== maskedCrc32c(data)) {
        throw new TfRecordCorruption(
          base + position - from,
          `the CRC of the record data (${length} bytes) does not match`,
        );
      }
      onRecord(data, base + position - from, bytes, view, start);
      position += recordBytes;
    }
    this.needed = HEADER_BYTES;
    return position;
  }
}

/**
 * Walks the records of a TFRecord file held whole in `bytes`, calling `onRecord` for each; returns
 * the offset of a last record cut short (as a writer still running leaves it), or null when the
 * bytes end on a record boundary. Throws TfRecordCorruption as TfRecordScanner.scan does.
 */
export function readTfRecords(bytes: Uint8Array, onRecord: OnRecord): { truncatedAt: number | null } {
  const consumed = new TfRecordScanner().scan(bytes, 0, bytes.length, 0, onRecord);
  return { truncatedAt: consumed < bytes.length ? consumed : null };
}

/**
 * A view of `length` bytes of `bytes` from `start`, built from the ArrayBuffer: `subarray` on a Buffer
 * builds a Buffer through its species constructor, which cost twice as much per record.
 */
function slice(bytes: Uint8Array, start: number, length: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, length);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

/**
 * Copies `buf[from, from + length)` to the start of `buf` (`view` is a DataView of `buf`), 4 bytes at a
 * time: copyWithin is a call into the runtime that cost as much as the CRC for a record of 40 bytes.
 * Integer words, never floats: a float's NaN bits need not come through a copy unchanged.
 */
function copyToScratch(view: DataView, buf: Uint8Array, from: number, length: number): void {
  let i = 0;
  for (; i + 4 <= length; i += 4) view.setInt32(i, view.getInt32(from + i, true), true);
  for (; i < length; i++) buf[i] = buf[from + i]!;
}
