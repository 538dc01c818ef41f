import type { FileHandle } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { InputFileError } from '../errors.ts';

/**
 * What an opened checkpoint is, whatever its format: a list of tensors whose bytes stay on disk
 * as segments of open files. The readers (safetensors-source.ts, tfjs-source.ts) build it;
 * source.ts opens one and reads tensor bytes from it.
 */

/** The element types repro-check compares, averages and fingerprints (the list). */
export const CHECKPOINT_DTYPES = ['F64', 'F32', 'F16', 'BF16', 'I64', 'I32', 'I16', 'I8', 'U8', 'BOOL'] as const;
export type CheckpointDtype = (typeof CHECKPOINT_DTYPES)[number];
/** The dtypes averaged and compared within a tolerance; the others are integers and bools, taken exactly. */
export const FLOAT_DTYPES = new Set<CheckpointDtype>(['F64', 'F32', 'F16', 'BF16']);

/** A run of a tensor's bytes inside one file (tfjs tensors may span shard files). */
export interface TensorSegment {
  handle: FileHandle;
  file: string;
  /** Byte offset in `file`. */
  position: number;
  /** Bytes. */
  length: number;
}

export interface CheckpointTensor {
  name: string;
  dtype: CheckpointDtype;
  /** Extents, outermost first; [] for a scalar. */
  shape: number[];
  /** Bytes of little-endian element data: element count × dtype size. */
  byteLength: number;
  /** The file holding the tensor's first byte (for sorting reads and naming it in errors). */
  file: string;
  /** In stream order; their lengths sum to byteLength. */
  segments: TensorSegment[];
}

export interface Checkpoint {
  /** The path the user gave. */
  path: string;
  format: 'safetensors' | 'safetensors-sharded' | 'tfjs';
  /** `__metadata__` of the file (the first shard's for sharded safetensors); null for tfjs. */
  metadata: Record<string, string> | null;
  /** Sorted by name. */
  tensors: CheckpointTensor[];
  close(): Promise<void>;
}

/** A checkpoint as a reader returns it: the opener adds `close`, which closes every file it opened. */
export type OpenedFormat = Omit<Checkpoint, 'close'>;

/**
 * Opens one file of a checkpoint for reading; the opener keeps the handle and closes it with
 * the checkpoint. @throws InputFileError naming the file when it cannot be opened.
 */
export type OpenFile = (name: string) => Promise<FileHandle>;

/** Sorts `tensors` in place by name (code-unit order, as Python sorts str) and returns them. */
export function sortByName(tensors: CheckpointTensor[]): CheckpointTensor[] {
  return tensors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Reads a JSON file that must hold an object (a shard index or a tfjs model.json).
 * @throws InputFileError naming `file` when it cannot be read, is not JSON, or is not an object.
 */
export async function readJsonObject(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError(file, undefined, `cannot be read (${error.code ?? error.message})`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, undefined, `is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(value)) throw new InputFileError(file, undefined, 'must hold a JSON object');
  return value;
}

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
