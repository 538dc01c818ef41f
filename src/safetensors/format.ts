import { type Dtype, isSupportedDtype, tensorByteLength } from './dtypes.ts';
import { LENGTH_PREFIX_BYTES, parseSafetensorsHeader, readHeaderLength } from './header.ts';
import { safetensorsLayout } from './layout.ts';

/**
 * The safetensors file format (https://huggingface.co/docs/safetensors), whole files held in
 * memory: an 8-byte little-endian header length N, N bytes of JSON header, then the raw
 * little-endian tensor data. The header checks are in header.ts and the writer's layout in
 * layout.ts, shared with the streaming checkpoint readers and the merge. Pure: no disk, so the
 * checkpoint work that builds on it stays testable.
 */

export interface SafetensorsTensor {
  name: string;
  dtype: Dtype;
  /** Extents, outermost first; [] for a scalar. */
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

/**
 * Parses a whole file held in memory (`bytes`: the file's bytes, all of them).
 * @returns the metadata and the tensors in data order; each tensor's `data` is a view into
 * `bytes`, not a copy.
 * @throws InputFileError naming `fileLabel` for a short file, a bad length, header or tiling.
 */
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

/**
 * Writes `tensors` (any order) and `metadata` (null for none) as one safetensors file, laid out
 * as the reference writer lays it out (safetensorsLayout).
 * @returns the file's bytes.
 * @throws TypeError when a tensor's data is not exactly element count × dtype size bytes, or
 * for what safetensorsLayout refuses.
 */
export function serializeSafetensors(
  tensors: readonly SafetensorsTensor[],
  metadata: Record<string, string> | null,
): Uint8Array {
  for (const tensor of tensors) {
    if (!isSupportedDtype(tensor.dtype)) continue; // named by safetensorsLayout
    const expectedBytes = tensorByteLength(tensor.dtype, tensor.shape);
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
