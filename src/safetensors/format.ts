import { InputFileError } from '../errors.ts';
import { type Dtype, SUPPORTED_DTYPES, dtypeRank, dtypeSize, isSupportedDtype } from './dtypes.ts';

/**
 * The safetensors file format (https://huggingface.co/docs/safetensors), bytes in and out:
 * an 8-byte little-endian header length N, N bytes of JSON header, then the raw little-endian
 * tensor data. Pure: no disk, so the checkpoint work that builds on it stays testable.
 */

export interface SafetensorsTensor {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** Raw little-endian element bytes (a view into the file when parsed). */
  data: Uint8Array;
}

export interface SafetensorsFile {
  /** The `__metadata__` map; the reference library only accepts string values. */
  metadata: Record<string, string> | null;
  /** In the order their data lies in the file. */
  tensors: SafetensorsTensor[];
}

/** The reference library refuses larger headers; so do we, before allocating anything. */
const MAX_HEADER_BYTES = 100_000_000;
const LENGTH_PREFIX_BYTES = 8;
const METADATA_KEY = '__metadata__';

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
 * The header length from a file's first 8 bytes, checked against the file size and the
 * reference library's 100 MB limit before anything is allocated for it.
 * @throws InputFileError naming `fileLabel` when the length cannot be right.
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
 * Validates a JSON header against a data section of `dataLength` bytes: every tensor has a
 * known dtype, a shape whose element count times the dtype size is its byte length, and the
 * tensors tile the data exactly (contiguous, in bounds, no overlap), as the reference reader checks.
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
    if (name === METADATA_KEY) {
      metadata = readMetadata(value, fail);
      continue;
    }
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
    const expectedBytes = shape.reduce((product: number, extent: number) => product * extent, 1) * dtypeSize(dtype);
    if (end - begin !== expectedBytes) {
      fail(
        `tensor "${name}": ${dtype} with shape [${shape.join(', ')}] needs ${expectedBytes} bytes, but data_offsets [${begin}, ${end}] hold ${end - begin}`,
      );
    }
    entries.push({ name, dtype, shape: [...shape], begin, end });
  }

  // The data section must be covered exactly, tensor after tensor, as the reference library checks.
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of entries) {
    if (entry.begin < covered)
      fail(
        `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] overlap the previous tensor, which ends at ${covered}`,
      );
    if (entry.begin > covered)
      fail(`tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] leave a gap after byte ${covered}`);
    if (entry.end > dataLength)
      fail(
        `tensor "${entry.name}": data_offsets [${entry.begin}, ${entry.end}] run past the end of the data (${dataLength} bytes)`,
      );
    covered = entry.end;
  }
  if (covered !== dataLength)
    fail(`the tensors cover ${covered} bytes of data, but the file holds ${dataLength} after the header`);
  return { metadata, entries, dataStart: LENGTH_PREFIX_BYTES + headerBytes.length };
}

/** Parses a whole file held in memory; tensors' data are views into `bytes`. */
export function parseSafetensors(bytes: Uint8Array, fileLabel: string): SafetensorsFile {
  const headerLength = readHeaderLength(bytes, bytes.length, fileLabel);
  const dataStart = LENGTH_PREFIX_BYTES + headerLength;
  const { metadata, entries } = parseSafetensorsHeader(
    bytes.subarray(LENGTH_PREFIX_BYTES, dataStart),
    bytes.length - dataStart,
    fileLabel,
  );
  return {
    metadata,
    tensors: entries.map(({ name, dtype, shape, begin, end }) => ({
      name,
      dtype,
      shape,
      data: bytes.subarray(dataStart + begin, dataStart + end),
    })),
  };
}

/** A tensor to be written: its bytes come separately (whole, or streamed by the caller). */
export interface SafetensorsSpec {
  name: string;
  dtype: Dtype;
  shape: number[];
}

export interface SafetensorsLayout {
  /** The 8-byte length and the space-padded JSON header: the file's first bytes. */
  head: Uint8Array;
  /** The tensors in the order their data follows the head, with data-section offsets. */
  entries: SafetensorsEntry[];
  /** Bytes of tensor data after the head. */
  dataLength: number;
}

/**
 * Lays out a file as the reference writer does: widest dtype first, then by name (so every
 * tensor starts aligned to its element size), compact JSON padded with spaces to 8 bytes.
 * @throws TypeError for what the reference library would reject (duplicate or reserved names,
 * unknown dtypes, non-string metadata).
 */
export function safetensorsLayout(
  specs: readonly SafetensorsSpec[],
  metadata: Record<string, string> | null,
): SafetensorsLayout {
  const names = new Set<string>();
  for (const spec of specs) {
    if (spec.name === '' || spec.name === METADATA_KEY)
      throw new TypeError(`a tensor cannot be named ${JSON.stringify(spec.name)}`);
    if (names.has(spec.name)) throw new TypeError(`two tensors are named "${spec.name}"`);
    names.add(spec.name);
    if (!isSupportedDtype(spec.dtype))
      throw new TypeError(
        `tensor "${spec.name}" has dtype ${String(spec.dtype)}; supported dtypes: ${SUPPORTED_DTYPES.join(', ')}`,
      );
  }
  if (metadata !== null) {
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== 'string')
        throw new TypeError(
          `__metadata__ "${key}" must be a string (the Python library rejects other types); put structured data in a JSON string`,
        );
    }
  }
  const ordered = [...specs].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const header: Record<string, unknown> = metadata === null ? {} : { [METADATA_KEY]: metadata };
  const entries: SafetensorsEntry[] = [];
  let offset = 0;
  for (const spec of ordered) {
    const bytes = spec.shape.reduce((product, extent) => product * extent, 1) * dtypeSize(spec.dtype);
    header[spec.name] = { dtype: spec.dtype, shape: spec.shape, data_offsets: [offset, offset + bytes] };
    entries.push({ name: spec.name, dtype: spec.dtype, shape: spec.shape, begin: offset, end: offset + bytes });
    offset += bytes;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  // Padded with spaces so that the data starts 8-byte aligned, as the reference writer does.
  const headerLength = Math.ceil(json.length / 8) * 8;
  const head = new Uint8Array(LENGTH_PREFIX_BYTES + headerLength);
  new DataView(head.buffer).setBigUint64(0, BigInt(headerLength), true);
  head.set(json, LENGTH_PREFIX_BYTES);
  head.fill(0x20, LENGTH_PREFIX_BYTES + json.length);
  return { head, entries, dataLength: offset };
}

export function serializeSafetensors(
  tensors: readonly SafetensorsTensor[],
  metadata: Record<string, string> | null,
): Uint8Array {
  for (const tensor of tensors) {
    if (!isSupportedDtype(tensor.dtype)) continue; // named by safetensorsLayout
    const expectedBytes = tensor.shape.reduce((product, extent) => product * extent, 1) * dtypeSize(tensor.dtype);
    if (tensor.data.length !== expectedBytes)
      throw new TypeError(
        `tensor "${tensor.name}": ${tensor.dtype} [${tensor.shape.join(', ')}] needs ${expectedBytes} bytes, got ${tensor.data.length}`,
      );
  }
  const { head, entries, dataLength } = safetensorsLayout(tensors, metadata);
  const byName = new Map(tensors.map((tensor) => [tensor.name, tensor]));
  const file = new Uint8Array(head.length + dataLength);
  file.set(head);
  for (const entry of entries) file.set(byName.get(entry.name)!.data, head.length + entry.begin);
  return file;
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
