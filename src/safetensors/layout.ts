import { type Dtype, SUPPORTED_DTYPES, dtypeRank, isSupportedDtype, tensorByteLength } from './dtypes.ts';
import { LENGTH_PREFIX_BYTES, METADATA_KEY, type SafetensorsEntry } from './header.ts';

/**
 * Writing a safetensors file's head (length prefix and JSON header) the way the reference writer
 * (`safetensors::serialize`, https://github.com/huggingface/safetensors) does, so that a file we
 * write is byte-identical to the one it would write for the same tensors. The tensor bytes are
 * not touched here: the caller writes them whole or streams them after the head.
 */

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
 * tensor starts aligned to its element size), compact JSON padded with spaces to a multiple of
 * 8 bytes. `metadata` (null for none) becomes `__metadata__`.
 * @returns the head bytes, the entries in data order, and the data length in bytes.
 * @throws TypeError for what the reference library would reject (empty, duplicate or reserved
 * names, unknown dtypes, non-string metadata).
 */
export function safetensorsLayout(
  specs: readonly SafetensorsSpec[],
  metadata: Record<string, string> | null,
): SafetensorsLayout {
  checkSpecs(specs, metadata);
  const ordered = [...specs].sort(
    (a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const header: Record<string, unknown> = metadata === null ? {} : { [METADATA_KEY]: metadata };
  const entries: SafetensorsEntry[] = [];
  let offset = 0;
  for (const spec of ordered) {
    const bytes = tensorByteLength(spec.dtype, spec.shape);
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

function checkSpecs(specs: readonly SafetensorsSpec[], metadata: Record<string, string> | null): void {
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
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (typeof value !== 'string')
      throw new TypeError(
        `__metadata__ "${key}" must be a string (the Python library rejects other types); put structured data in a JSON string`,
      );
  }
}
