import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import type { CheckpointEntry } from '../record/types.ts';
import { type SafetensorsTensor, parseSafetensors } from './format.ts';

/** SHA-256 (hex) of a tensor's raw bytes; dtype and shape are recorded beside it. */
export function tensorSha256(tensor: SafetensorsTensor): string {
  return createHash('sha256').update(tensor.data).digest('hex');
}

/**
 * The run record's entry for one checkpoint file: per-tensor hashes in name order. The step
 * is the `step` metadata our trainer writes, else the last number in the file name
 * (`step-200.safetensors`, `ckpt_0040.safetensors`), else 0 for a file that carries none.
 * `bytes` is null when the file could not be read.
 */
export function hashCheckpointFile(file: string, bytes: Uint8Array | null): CheckpointEntry {
  if (bytes === null) throw new InputFileError(file, undefined, 'checkpoint file could not be read');
  const { metadata, tensors } = parseSafetensors(bytes, file);
  return {
    path: file,
    step: checkpointStep(metadata, file),
    tensors: [...tensors]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((tensor) => ({ name: tensor.name, dtype: tensor.dtype, shape: tensor.shape, sha256: tensorSha256(tensor) })),
  };
}

function checkpointStep(metadata: Record<string, string> | null, file: string): number {
  const fromMetadata = metadata?.step;
  if (fromMetadata !== undefined && /^\d+$/.test(fromMetadata)) return Number(fromMetadata);
  const numbers = path.basename(file).match(/\d+/g);
  return numbers ? Number(numbers.at(-1)) : 0;
}
