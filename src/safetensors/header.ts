import { InputFileError } from '../errors.ts';
import { type Dtype, SUPPORTED_DTYPES, isSupportedDtype, tensorByteLength } from './dtypes.ts';

/**
 * Reading and checking a safetensors header (https://huggingface.co/docs/safetensors, "Format"):
 * an 8-byte little-endian unsigned header length N, then N bytes of UTF-8 JSON mapping each
 * tensor name to `{dtype, shape, data_offsets: [begin, end]}` (offsets relative to the data
 * section that follows the header) plus an optional `__metadata__` map of strings. Pure: bytes
 * in, entries out, so that whole-file and streaming readers share one set of checks.
 */

/** The reference library refuses larger headers; so do we, before allocating anything. */
const MAX_HEADER_BYTES = 100_000_000;
/** The unsigned 64-bit little-endian header length that starts every file. */
export const LENGTH_PREFIX_BYTES = 8;
/** The header key that holds the file's string metadata rather than a tensor. */
export const METADATA_KEY = '__metadata__';

/** A tensor's place in a safetensors file, without its bytes. */
export interface SafetensorsEntry {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** Byte offsets from the start of the data section (after the header), end exclusive. */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  metadata: Record<string, string> | null;
  /** In the order their data lies in the file. */
  entries: SafetensorsEntry[];
  /** Where the data section starts in the file: 8 + the header length. */
  dataStart: number;
}

/**
 * The header length N from a file's first 8 bytes (`prefix`, at least 8 bytes; more are
 * ignored), checked against `fileSize` (bytes) and the reference library's 100 MB limit before
 * anything is allocated for it.
 * @returns N in bytes; the data section starts at 8 + N.
 * @throws InputFileError naming `fileLabel` when the file is under 8 bytes or N cannot be right.
 */
export function readHeaderLength(prefix: Uint8Array, fileSize: number, fileLabel: string): number {
  if (fileSize < LENGTH_PREFIX_BYTES || prefix.length < LENGTH_PREFIX_BYTES) {
    invalid(
      fileLabel,
      `it is ${fileSize} bytes long, shorter than the 8-byte header length that starts every safetensors file`,
    );
  }
  const declared = new DataView(prefix.buffer, prefix.byteOffset, LENGTH_PREFIX_BYTES).getBigUint64(0, true);
  if (declared > BigInt(MAX_HEADER_BYTES))
    invalid(fileLabel, `the header length ${declared} is over the ${MAX_HEADER_BYTES}-byte limit`);
  const headerLength = Number(declared);
  if (LENGTH_PREFIX_BYTES + headerLength > fileSize) {
    invalid(
      fileLabel,
      `the header length ${headerLength} runs past the end of the file (${fileSize} bytes, so at most ${fileSize - LENGTH_PREFIX_BYTES})`,
    );
  }
  return headerLength;
}

/**
 * Validates the JSON header (`headerBytes`, the N bytes after the length prefix) against a data
 * section of `dataLength` bytes: every tensor has a known dtype, a shape whose element count
 * times the dtype size is its byte length, and the tensors tile the data exactly (contiguous,
 * in bounds, no overlap), as the reference reader checks.
 * @returns the metadata (null when absent) and the entries sorted by their data offsets.
 * @throws InputFileError naming `fileLabel` and the tensor at fault.
 */
export function parseSafetensorsHeader(
  headerBytes: Uint8Array,
  dataLength: number,
  fileLabel: string,
): SafetensorsHeader {
  const fail = (problem: string): never => invalid(fileLabel, problem);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch (error) {
    fail(`the header is not UTF-8 JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(header)) return fail('the header is not a JSON object');

  let metadata: Record<string, string> | null = null;
  const entries: SafetensorsEntry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) metadata = readMetadata(value, fail);
    else entries.push(readEntry(name, value, fail));
  }
  checkTiling(entries, dataLength, fail);
  return { metadata, entries, dataStart: LENGTH_PREFIX_BYTES + headerBytes.length };
}

/** One tensor's header entry, its byte length checked against its dtype and shape. */
function readEntry(name: string, value: unknown, fail: (problem: string) => never): SafetensorsEntry {
  if (!isPlainObject(value)) return fail(`tensor "${name}": expected an object with dtype, shape and data_offsets`);
  const { dtype, shape, data_offsets: offsets } = value;
  if (typeof dtype !== 'string') return fail(`tensor "${name}": dtype must be a string`);
  if (!isSupportedDtype(dtype))
    return fail(
      `tensor "${name}" has dtype ${dtype}, which is not supported; supported dtypes: ${SUPPORTED_DTYPES.join(', ')}`,
    );
  if (!Array.isArray(shape) || !shape.every(isCount))
    return fail(`tensor "${name}": shape must be an array of non-negative integers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount))
    return fail(`tensor "${name}": data_offsets must be [begin, end] with non-negative integers`);
  const [begin, end] = offsets as [number, number];
  if (end < begin) fail(`tensor "${name}": data_offsets [${begin}, ${end}] end before they begin`);
  const expectedBytes = tensorByteLength(dtype, shape);
  if (end - begin !== expectedBytes) {
    fail(
      `tensor "${name}": ${dtype} with shape [${shape.join(', ')}] needs ${expectedBytes} bytes, but data_offsets [${begin}, ${end}] hold ${end - begin}`,
    );
  }
  return { name, dtype, shape: [...shape], begin, end };
}

/**
 * The data section must be covered exactly, tensor after tensor, as the reference library
 * checks. Sorts `entries` by their offsets, in place.
 */
function checkTiling(entries: SafetensorsEntry[], dataLength: number, fail: (problem: string) => never): void {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of entries) {
    const where = `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}]`;
    if (entry.begin < covered) fail(`${where} overlap the previous tensor, which ends at ${covered}`);
    if (entry.begin > covered) fail(`${where} leave a gap after byte ${covered}`);
    if (entry.end > dataLength) fail(`${where} run past the end of the data (${dataLength} bytes)`);
    covered = entry.end;
  }
  if (covered !== dataLength)
    fail(`the tensors cover ${covered} bytes of data, but the file holds ${dataLength} after the header`);
}

function invalid(fileLabel: string, problem: string): never {
  throw new InputFileError(fileLabel, undefined, `not a valid safetensors file: ${problem}`);
}

function readMetadata(value: unknown, fail: (problem: string) => never): Record<string, string> | null {
  if (value === null) return null;
  if (!isPlainObject(value)) return fail('__metadata__ must be an object of strings');
  const metadata: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string')
      fail(
        `__metadata__ "${key}" is ${JSON.stringify(entry)}; metadata values must be strings (structured data goes in a JSON string)`,
      );
    metadata[key] = entry as string;
  }
  return metadata;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
