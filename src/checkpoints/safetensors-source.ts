import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import { LENGTH_PREFIX_BYTES, parseSafetensorsHeader, readHeaderLength } from '../safetensors/header.ts';
import {
  CHECKPOINT_DTYPES,
  type CheckpointDtype,
  type CheckpointTensor,
  type OpenFile,
  type OpenedFormat,
  isPlainObject,
  readJsonObject,
  sortByName,
} from './checkpoint.ts';
import { describeForeignWeights } from './sniff.ts';

/**
 * Safetensors checkpoints, one file or shards (the format: https://huggingface.co/docs/safetensors;
 * the shard index: transformers' `save_pretrained`). Only headers are read.
 */

/**
 * The metadata and tensors of one safetensors file open as `handle`; a file that is not
 * safetensors is named for what it is (a pickle, a zip, HDF5, …).
 * @throws InputFileError naming `file` for a foreign or invalid file, or a dtype we do not read.
 */
export async function readSafetensorsHeader(
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
  await handle.read(headerBytes, 0, headerLength, LENGTH_PREFIX_BYTES);
  const { metadata, entries, dataStart } = parseSafetensorsHeader(
    headerBytes,
    size - LENGTH_PREFIX_BYTES - headerLength,
    file,
  );
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

function checkpointDtype(dtype: string, tensor: string, file: string): CheckpointDtype {
  if ((CHECKPOINT_DTYPES as readonly string[]).includes(dtype)) return dtype as CheckpointDtype;
  throw new InputFileError(
    file,
    undefined,
    `tensor "${tensor}" has dtype ${dtype}, which repro-check does not read; accepted: ${CHECKPOINT_DTYPES.join(', ')}`,
  );
}

/**
 * `model.safetensors.index.json` as `save_pretrained` writes it: `{"metadata": {...},
 * "weight_map": {tensor: shard file}}`, shard files beside the index. Every shard's header is
 * read and checked against the map; the metadata is the first shard's (in name order).
 * @param given the path the user gave (kept as the checkpoint's path)
 * @throws InputFileError naming the index for a bad map, a tensor in the wrong shard or in none.
 */
export async function openShardedSafetensors(
  given: string,
  indexFile: string,
  openFile: OpenFile,
): Promise<OpenedFormat> {
  const index = await readJsonObject(indexFile);
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
