import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import { tensorByteLength } from '../safetensors/dtypes.ts';
import {
  type CheckpointDtype,
  type CheckpointTensor,
  type OpenFile,
  type OpenedFormat,
  type TensorSegment,
  isPlainObject,
  readJsonObject,
  sortByName,
} from './checkpoint.ts';

/**
 * TensorFlow.js checkpoints: a `model.json` whose `weightsManifest` groups each name shard files
 * (`paths`) that together are one byte stream holding the group's `weights` one after another,
 * little-endian, unpadded (https://www.tensorflow.org/js/guide/save_load, tfjs-core `io/types.ts`).
 */

const TFJS_DTYPES: Record<string, CheckpointDtype> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };

/** One shard file of a manifest group, open, with its size in bytes. */
interface Shard {
  handle: FileHandle;
  size: number;
  file: string;
}

/**
 * Opens every shard of a tfjs `model.json` and places each weight in the shard stream of its group.
 * @param given the path the user gave (kept as the checkpoint's path)
 * @throws InputFileError naming `modelFile` for a JSON file that is not a tfjs model (or a shard
 * index), a malformed or quantized weight, a dtype other than float32/int32/bool, shard files
 * shorter or longer than the weights, or two weights with one name.
 */
export async function openTfjsModel(given: string, modelFile: string, openFile: OpenFile): Promise<OpenedFormat> {
  const model = await readJsonObject(modelFile);
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
    const shards = await openShards(modelFile, where, group.paths, openFile);
    const total = shards.reduce((sum, shard) => sum + shard.size, 0);
    let streamOffset = 0;
    for (const weight of group.weights as unknown[]) {
      const { name, dtype, shape } = readWeight(modelFile, where, weight);
      const byteLength = tensorByteLength(dtype, shape);
      const segments = segmentsOf(shards, streamOffset, byteLength);
      if (!segments)
        throw new InputFileError(
          modelFile,
          undefined,
          `weight "${name}" runs past the end of the shard files of ${where} (${total} bytes)`,
        );
      tensors.push({ name, dtype, shape, byteLength, file: segments[0]?.file ?? modelFile, segments });
      streamOffset += byteLength;
    }
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

/** Opens a group's shard files (paths relative to model.json), in stream order. */
async function openShards(modelFile: string, where: string, paths: unknown[], openFile: OpenFile): Promise<Shard[]> {
  const shards: Shard[] = [];
  for (const shardName of paths) {
    if (typeof shardName !== 'string')
      throw new InputFileError(modelFile, undefined, `${where}.paths must be file names`);
    const shardFile = path.resolve(path.dirname(modelFile), shardName);
    const handle = await openFile(shardFile);
    shards.push({ handle, size: (await handle.stat()).size, file: shardFile });
  }
  return shards;
}

/** One `weights` entry: `{name, shape, dtype}`, unquantized, of a dtype we read. */
function readWeight(
  modelFile: string,
  where: string,
  weight: unknown,
): { name: string; dtype: CheckpointDtype; shape: number[] } {
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
  return { name: weight.name, dtype, shape: weight.shape as number[] };
}

/** The pieces of [offset, offset + length) of a byte stream cut into `shards`, or null past its end. */
function segmentsOf(shards: Shard[], offset: number, length: number): TensorSegment[] | null {
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
