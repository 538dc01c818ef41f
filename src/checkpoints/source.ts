import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import { type Checkpoint, type CheckpointTensor, sortByName } from './checkpoint.ts';
import { openShardedSafetensors, readSafetensorsHeader } from './safetensors-source.ts';
import { openTfjsModel } from './tfjs-source.ts';

/**
 * Opening a checkpoint — one safetensors file, safetensors shards with their
 * `model.safetensors.index.json`, or a TensorFlow.js `model.json` with its weight shards — as
 * one list of tensors whose bytes stay on disk. Only headers are read when opening; tensor bytes
 * are read later in chunks (readTensorBytes), so memory does not grow with the file.
 */

const SHARD_INDEX_SUFFIX = '.index.json';
/** What a folder given as a checkpoint is looked in for, in this order. */
const FOLDER_ENTRIES = ['model.safetensors.index.json', 'model.safetensors', 'model.json'];

/**
 * Opens `file` (or a folder holding `model.safetensors.index.json`, `model.safetensors` or
 * `model.json`) and validates every header. The format is told by the name: `*.index.json` is a
 * shard index, another `*.json` a tfjs model, anything else one safetensors file. The caller
 * closes it (or uses withCheckpoint).
 * @returns the checkpoint, its tensors sorted by name, its files open.
 * @throws InputFileError naming the file and what is wrong, or what the file looks like when
 * it is not a format we read (a PyTorch pickle gets the two lines that save safetensors).
 */
export async function openCheckpoint(file: string): Promise<Checkpoint> {
  const resolved = await resolveFolder(file);
  const handles: FileHandle[] = [];
  const close = async () => {
    await Promise.all(handles.map((handle) => handle.close().catch(() => undefined)));
  };
  const openFile = async (name: string) => {
    const handle = await open(name, 'r').catch((error: NodeJS.ErrnoException) => {
      throw new InputFileError(name, undefined, `cannot be read (${error.code ?? error.message})`);
    });
    handles.push(handle);
    return handle;
  };
  try {
    if (resolved.endsWith(SHARD_INDEX_SUFFIX))
      return { ...(await openShardedSafetensors(file, resolved, openFile)), close };
    if (resolved.toLowerCase().endsWith('.json')) return { ...(await openTfjsModel(file, resolved, openFile)), close };
    const { metadata, tensors } = await readSafetensorsHeader(resolved, await openFile(resolved));
    return { path: file, format: 'safetensors', metadata, tensors: sortByName(tensors), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens `file` (as openCheckpoint), runs `body` on it, and closes it whatever happens.
 * @returns what `body` returns.
 * @throws what openCheckpoint or `body` throws.
 */
export async function withCheckpoint<T>(file: string, body: (checkpoint: Checkpoint) => Promise<T>): Promise<T> {
  const checkpoint = await openCheckpoint(file);
  try {
    return await body(checkpoint);
  } finally {
    await checkpoint.close();
  }
}

/**
 * Reads bytes [offset, offset + into.length) of a tensor's data (offset in bytes from the
 * tensor's first byte; the range must lie within byteLength) into `into`, across shard files
 * where the tensor spans them.
 * @returns `into`, filled.
 * @throws InputFileError when the file is shorter than its header said (changed while read).
 */
export async function readTensorBytes(tensor: CheckpointTensor, offset: number, into: Uint8Array): Promise<Uint8Array> {
  let filled = 0;
  let skip = offset;
  for (const segment of tensor.segments) {
    if (filled === into.length) break;
    if (skip >= segment.length) {
      skip -= segment.length;
      continue;
    }
    const wanted = Math.min(segment.length - skip, into.length - filled);
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await segment.handle.read(
        into,
        filled + done,
        wanted - done,
        segment.position + skip + done,
      );
      if (bytesRead === 0)
        throw new InputFileError(
          tensor.file,
          undefined,
          `tensor "${tensor.name}" ends early: the file was cut short or changed while it was read`,
        );
      done += bytesRead;
    }
    filled += wanted;
    skip = 0;
  }
  return into;
}

/** `file` itself, or for a folder the first of FOLDER_ENTRIES in it. */
async function resolveFolder(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError(
      file,
      undefined,
      `cannot be read (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)})`,
    );
  });
  if (!info.isDirectory()) return file;
  for (const name of FOLDER_ENTRIES) {
    const candidate = path.join(file, name);
    if (
      await stat(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new InputFileError(
    file,
    undefined,
    'is a folder without model.safetensors.index.json, model.safetensors or model.json; name the checkpoint file',
  );
}
