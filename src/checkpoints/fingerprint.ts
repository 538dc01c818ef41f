import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CheckpointEntry, TensorHash } from '../record/types.ts';
import { metadataStep } from './order.ts';
import type { Checkpoint, CheckpointTensor } from './checkpoint.ts';
import { readTensorBytes, withCheckpoint } from './source.ts';

/**
 * Per-tensor SHA-256 of a checkpoint's raw little-endian bytes, read in fixed-size chunks:
 * memory is one chunk whatever the file size, and files over 2 GiB (one Buffer's limit) work.
 * The hashes are those of the whole-file reader the run records were written with (SHA-256
 * of each tensor's data bytes), so existing baselines stay valid.
 */

/** 4 MiB: large enough that read calls cost nothing beside hashing; a multiple of every element size. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The run record's entry for one checkpoint (file, shard index or tfjs model.json, as
 * openCheckpoint opens it): per-tensor SHA-256 of the raw bytes, tensors in name order.
 * @param chunkBytes the read buffer in bytes (two halves read alternately)
 * @throws InputFileError when the checkpoint cannot be opened or is cut short while read.
 */
export async function fingerprintCheckpoint(file: string, chunkBytes = CHUNK_BYTES): Promise<CheckpointEntry> {
  return withCheckpoint(file, (checkpoint) => fingerprintOpened(checkpoint, chunkBytes));
}

/** fingerprintCheckpoint on a checkpoint already open; the caller closes it. */
export async function fingerprintOpened(checkpoint: Checkpoint, chunkBytes = CHUNK_BYTES): Promise<CheckpointEntry> {
  const buffer = new Uint8Array(chunkBytes);
  const hashes = new Map<string, string>();
  // Read in file order (sequential disk access), report in name order.
  const inFileOrder = [...checkpoint.tensors].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.segments[0]?.position ?? 0) - (b.segments[0]?.position ?? 0),
  );
  for (const tensor of inFileOrder) hashes.set(tensor.name, await tensorSha256(tensor, buffer));
  const tensors: TensorHash[] = checkpoint.tensors.map((tensor) => ({
    name: tensor.name,
    dtype: tensor.dtype,
    shape: tensor.shape,
    sha256: hashes.get(tensor.name)!,
  }));
  return { path: checkpoint.path, step: checkpointStep(checkpoint.metadata, checkpoint.path), tensors };
}

/** Hashes one chunk while the next is read (two halves of `buffer`), so disk and hashing overlap. */
async function tensorSha256(tensor: CheckpointTensor, buffer: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const half = Math.max(1, Math.floor(buffer.length / 2));
  const halves = [buffer.subarray(0, half), buffer.subarray(half, 2 * half)] as const;
  const read = (offset: number, index: number) =>
    readTensorBytes(tensor, offset, halves[index % 2]!.subarray(0, Math.min(half, tensor.byteLength - offset)));
  let next = tensor.byteLength > 0 ? read(0, 0) : null;
  for (let offset = 0, index = 0; next !== null; offset += half, index++) {
    const chunk = await next;
    next = offset + half < tensor.byteLength ? read(offset + half, index + 1) : null;
    hash.update(chunk);
  }
  return hash.digest('hex');
}

/**
 * A checkpoint's training step: the `step` metadata our trainer (and the examples) write,
 * else the last number in the file name (`step-200.safetensors`, `ckpt_0040.safetensors`),
 * else 0 for a name without one.
 */
export function checkpointStep(metadata: Record<string, string> | null, file: string): number {
  const fromMetadata = metadataStep(metadata);
  if (fromMetadata !== null) return fromMetadata;
  const numbers = path.basename(file).match(/\d+/g);
  return numbers ? Number(numbers.at(-1)) : 0;
}
