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
 * Walks the records of a TFRecord file held in `bytes`, calling `onRecord(data, offset)` for each
 * record's payload (a view into `bytes`) and the byte offset where the record starts.
 *
 * A last record cut short (fewer bytes left than its header or its stated length needs) is what a
 * writer that is still running, or was killed, leaves behind; it is not read, and its offset is
 * returned as `truncatedAt` (null when the file ends on a record boundary).
 *
 * Throws TfRecordCorruption when a length or data CRC does not match: the file was damaged or is not
 * a TFRecord file past that point, and nothing after it can be trusted.
 */
export function readTfRecords(
  bytes: Uint8Array,
  onRecord: (data: Uint8Array, offset: number) => void,
): { truncatedAt: number | null } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The last length header whose CRC checked: a log's records mostly repeat a few lengths, and the
  // same 8 bytes with the same stored CRC need not be checked again.
  let checkedLow = -1;
  let checkedHigh = -1;
  let checkedCrc = -1;
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER_BYTES) return { truncatedAt: offset };
    const low = view.getUint32(offset, true);
    const high = view.getUint32(offset + 4, true);
    const lengthCrc = view.getUint32(offset + 8, true);
    if (low !== checkedLow || high !== checkedHigh || lengthCrc !== checkedCrc) {
      if (lengthCrc !== maskedCrc32c(slice(bytes, offset, 8))) {
        throw new TfRecordCorruption(offset, 'the CRC of the record length does not match');
      }
      checkedLow = low;
      checkedHigh = high;
      checkedCrc = lengthCrc;
    }
    // The length as two 32-bit halves: a BigInt per record would cost more than the record's CRC.
    const length = low + high * 2 ** 32;
    const dataStart = offset + HEADER_BYTES;
    if (length > bytes.length - dataStart - FOOTER_BYTES) return { truncatedAt: offset };
    const dataEnd = dataStart + length;
    const data = slice(bytes, dataStart, length);
    if (view.getUint32(dataEnd, true) !== maskedCrc32c(data)) {
      throw new TfRecordCorruption(offset, `the CRC of the record data (${length} bytes) does not match`);
    }
    onRecord(data, offset);
    offset = dataEnd + FOOTER_BYTES;
  }
  return { truncatedAt: null };
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
