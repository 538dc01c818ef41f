import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import type { Dtype } from '../safetensors/dtypes.ts';
import { dtypeSize } from '../safetensors/dtypes.ts';
import { parseSafetensorsHeader, readHeaderLength } from '../safetensors/format.ts';
import { describeForeignWeights } from './sniff.ts';

/**
 * Opening a checkpoint — one safetensors file, safetensors shards with their
 * `model.safetensors.index.json`, or a TensorFlow.js `model.json` with its weight shards — as
 * one list of tensors whose bytes stay on disk. Only headers are read here; tensor bytes are
 * read later in chunks (readTensorBytes), so memory does not grow with the file.
 */

/** The element types repro-check compares, averages and fingerprints (the issue's list). */
export const CHECKPOINT_DTYPES = ['F64', 'F32', 'F16', 'BF16', 'I64', 'I32', 'I16', 'I8', 'U8', 'BOOL'] as const;
export type CheckpointDtype = (typeof CHECKPOINT_DTYPES)[number];
export const FLOAT_DTYPES = new Set<CheckpointDtype>(['F64', 'F32', 'F16', 'BF16']);

/** A run of a tensor's bytes inside one file (tfjs tensors may span shard files). */
interface TensorSegment {
  handle: FileHandle;
  file: string;
  position: number;
  length: number;
}

export interface CheckpointTensor {
  name: string;
  dtype: CheckpointDtype;
  shape: number[];
  byteLength: number;
  /** The file holding the tensor's first byte (for sorting reads and naming it in errors). */
  file: string;
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

const SHARD_INDEX_SUFFIX = '.index.json';
const TFJS_DTYPES: Record<string, CheckpointDtype> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };

/**
 * Opens `file` (or a folder holding `model.safetensors.index.json`, `model.safetensors` or
 * `model.json`) and validates every header. The caller closes it (or uses withCheckpoint).
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

/** Opens, runs `body`, and closes whatever happens. */
export async function withCheckpoint<T>(file: string, body: (checkpoint: Checkpoint) => Promise<T>): Promise<T> {
  const checkpoint = await openCheckpoint(file);
  try {
    return await body(checkpoint);
  } finally {
    await checkpoint.close();
  }
}

/**
 * Reads bytes [offset, offset + into.length) of a tensor into `into` and returns it.
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

async function resolveFolder(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError(
      file,
      undefined,
      `cannot be read (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)})`,
    );
  });
  if (!info.isDirectory()) return file;
  for (const name of ['model.safetensors.index.json', 'model.safetensors', 'model.json']) {
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

async function readSafetensorsHeader(
  file: string,
  handle: FileHandle,
): Promise<{ metadata: Record<string, string> | null; tensors: CheckpointTensor[] }> {
  const { size } = await handle.stat();
  const prefix = new Uint8Array(16);
  const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
  const foreign = describeForeignWeights(prefix.subarray(0, bytesRead), file);
  if (foreign) throw new InputFileError(file, undefined, `not a safetensors file: ${foreign}`);
  const headerLength = readHeaderLength(prefix.subarray(0, bytesRead), size, file);
  const headerBytes = new Uint8Array(headerLength);
  await handle.read(headerBytes, 0, headerLength, 8);
  const { metadata, entries, dataStart } = parseSafetensorsHeader(headerBytes, size - 8 - headerLength, file);
  const tensors = entries.map((entry) => ({
    name: entry.name,
    dtype: checkpointDtype(entry.dtype, entry.name, file),
    shape: entry.shape,
    byteLength: entry.end - entry.begin,
    file,
    segments: [{ handle, file, position: dataStart + entry.begin, length: entry.end - entry.begin }],
  }));
  return { metadata, tensors };
}

function checkpointDtype(dtype: Dtype | string, tensor: string, file: string): CheckpointDtype {
  if ((CHECKPOINT_DTYPES as readonly string[]).includes(dtype)) return dtype as CheckpointDtype;
  throw new InputFileError(
    file,
    undefined,
    `tensor "${tensor}" has dtype ${dtype}, which repro-check does not read; accepted: ${CHECKPOINT_DTYPES.join(', ')}`,
  );
}

type OpenFile = (name: string) => Promise<FileHandle>;

/** `model.safetensors.index.json` as `save_pretrained` writes it: {"metadata": {...}, "weight_map": {tensor: shard file}}. */
async function openShardedSafetensors(
  given: string,
  indexFile: string,
  openFile: OpenFile,
): Promise<Omit<Checkpoint, 'close'>> {
  const index = await readJson(indexFile);
  const weightMap = index.weight_map;
  if (
    !isPlainObject(weightMap) ||
    !Object.values(weightMap).every((shard) => typeof shard === 'string' && shard !== '')
  ) {
    throw new InputFileError(
      indexFile,
      undefined,
      'a shard index needs "weight_map": {tensor name: shard file name}, as `save_pretrained` writes it',
    );
  }
  const shardNames = [...new Set(Object.values(weightMap) as string[])].sort();
  const tensors: CheckpointTensor[] = [];
  let metadata: Record<string, string> | null = null;
  for (const shardName of shardNames) {
    const shardFile = path.resolve(path.dirname(indexFile), shardName);
    const shard = await readSafetensorsHeader(shardFile, await openFile(shardFile));
    metadata ??= shard.metadata;
    for (const tensor of shard.tensors) {
      if (weightMap[tensor.name] !== shardName)
        throw new InputFileError(
          indexFile,
          undefined,
          `shard ${shardName} holds tensor "${tensor.name}", which weight_map ${weightMap[tensor.name] === undefined ? 'does not list' : `puts in ${String(weightMap[tensor.name])}`}`,
        );
      tensors.push(tensor);
    }
  }
  const found = new Set(tensors.map((tensor) => tensor.name));
  const absent = Object.keys(weightMap).filter((name) => !found.has(name));
  if (absent.length > 0)
    throw new InputFileError(
      indexFile,
      undefined,
      `weight_map lists tensors no shard holds: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ` and ${absent.length - 5} more` : ''}`,
    );
  return { path: given, format: 'safetensors-sharded', metadata, tensors: sortByName(tensors) };
}

/**
 * A TensorFlow.js `model.json`: each `weightsManifest` group's `paths` are one byte stream cut
 * into shard files, holding the group's `weights` one after another
 * (https://www.tensorflow.org/js/guide/save_load, tfjs-core `io/types.ts`).
 */
async function openTfjsModel(given: string, modelFile: string, openFile: OpenFile): Promise<Omit<Checkpoint, 'close'>> {
  const model = await readJson(modelFile);
  if (!Array.isArray(model.weightsManifest)) {
    throw new InputFileError(
      modelFile,
      undefined,
      'a JSON checkpoint must be a TensorFlow.js model.json (with "weightsManifest") or a safetensors shard index (*.safetensors.index.json with "weight_map")',
    );
  }
  const tensors: CheckpointTensor[] = [];
  for (const [groupIndex, group] of (model.weightsManifest as unknown[]).entries()) {
    const where = `weightsManifest[${groupIndex}]`;
    if (!isPlainObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new InputFileError(modelFile, undefined, `${where} needs "paths" and "weights" arrays`);
    const shards: Array<{ handle: FileHandle; size: number; file: string }> = [];
    for (const shardName of group.paths) {
      if (typeof shardName !== 'string')
        throw new InputFileError(modelFile, undefined, `${where}.paths must be file names`);
      const shardFile = path.resolve(path.dirname(modelFile), shardName);
      const handle = await openFile(shardFile);
      shards.push({ handle, size: (await handle.stat()).size, file: shardFile });
    }
    let streamOffset = 0;
    for (const weight of group.weights as unknown[]) {
      if (
        !isPlainObject(weight) ||
        typeof weight.name !== 'string' ||
        !Array.isArray(weight.shape) ||
        !weight.shape.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
      ) {
        throw new InputFileError(
          modelFile,
          undefined,
          `${where}.weights: each weight needs "name", "shape" (non-negative integers) and "dtype"`,
        );
      }
      if (weight.quantization !== undefined)
        throw new InputFileError(
          modelFile,
          undefined,
          `weight "${weight.name}" is quantized, which repro-check does not read; export the model without --quantize_*`,
        );
      const dtype = TFJS_DTYPES[String(weight.dtype)];
      if (!dtype)
        throw new InputFileError(
          modelFile,
          undefined,
          `weight "${weight.name}" has dtype ${String(weight.dtype)}, which repro-check does not read; accepted: ${Object.keys(TFJS_DTYPES).join(', ')}`,
        );
      const shape = weight.shape as number[];
      const byteLength = shape.reduce((product, extent) => product * extent, 1) * dtypeSize(dtype);
      const segments = segmentsOf(shards, streamOffset, byteLength);
      if (!segments)
        throw new InputFileError(
          modelFile,
          undefined,
          `weight "${weight.name}" runs past the end of the shard files of ${where} (${shards.reduce((sum, s) => sum + s.size, 0)} bytes)`,
        );
      tensors.push({ name: weight.name, dtype, shape, byteLength, file: segments[0]?.file ?? modelFile, segments });
      streamOffset += byteLength;
    }
    const total = shards.reduce((sum, shard) => sum + shard.size, 0);
    if (streamOffset !== total)
      throw new InputFileError(
        modelFile,
        undefined,
        `the weights of ${where} take ${streamOffset} bytes, but its shard files hold ${total}`,
      );
  }
  const names = new Set<string>();
  for (const tensor of tensors) {
    if (names.has(tensor.name))
      throw new InputFileError(modelFile, undefined, `two weights are named "${tensor.name}"`);
    names.add(tensor.name);
  }
  return { path: given, format: 'tfjs', metadata: null, tensors: sortByName(tensors) };
}

/** The pieces of [offset, offset + length) of a byte stream cut into `shards`, or null past its end. */
function segmentsOf(
  shards: Array<{ handle: FileHandle; size: number; file: string }>,
  offset: number,
  length: number,
): TensorSegment[] | null {
  const segments: TensorSegment[] = [];
  let start = offset;
  let left = length;
  for (const shard of shards) {
    if (left === 0) break;
    if (start >= shard.size) {
      start -= shard.size;
      continue;
    }
    const take = Math.min(shard.size - start, left);
    segments.push({ handle: shard.handle, file: shard.file, position: start, length: take });
    left -= take;
    start = 0;
  }
  return left === 0 ? segments : null;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
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

function sortByName(tensors: CheckpointTensor[]): CheckpointTensor[] {
  return tensors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
