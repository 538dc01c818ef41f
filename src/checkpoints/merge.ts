import type { FileHandle } from 'node:fs/promises';
import { ReproError } from '../errors.ts';
import { writeAtomicWith } from '../fs/atomic-write.ts';
import { dtypeSize } from '../safetensors/dtypes.ts';
import { safetensorsLayout } from '../safetensors/layout.ts';
import { decodeToFloat64, encodeFromFloat64 } from '../safetensors/values.ts';
import { type AveragingMethod, DEFAULT_EMA_DECAY, averagingWeights } from './averaging.ts';
import { type Checkpoint, type CheckpointTensor, FLOAT_DTYPES } from './checkpoint.ts';
import { SimilarityAccumulator } from './delta-similarity.ts';
import { metadataStep, orderCheckpoints } from './order.ts';
import { openCheckpoint, readTensorBytes, withCheckpoint } from './source.ts';

/**
 * Checkpoint averaging (the background note on model merging: a moving average of the last
 * checkpoints of a constant-LR run is a low-pass filter on the weights and predicts what
 * annealing would reach). Streams tensor by tensor and chunk by chunk within a tensor:
 * memory is a fixed chunk budget (four float64 chunks and three byte chunks of 8 MiB, about 56 MiB)
 * whatever the number of checkpoints and the tensor sizes. Float tensors are accumulated in
 * float64 and written in their own dtype (round to nearest even); integer and bool tensors
 * (step counters such as `num_batches_tracked`) are copied from the newest checkpoint, as
 * PyTorch's `swa_utils.AveragedModel` keeps buffers rather than averaging them. The weights
 * of each method are in averaging.ts, the delta cosines in delta-similarity.ts.
 */

/** Elements per chunk: 1 Mi, so each float64 buffer is 8 MiB. */
const CHUNK_ELEMENTS = 1024 * 1024;

export interface MergeOptions {
  /** Checkpoint paths, oldest first (see orderCheckpoints). */
  inputs: string[];
  method: AveragingMethod;
  /** EMA decay d in (0, 1); only for ema. */
  decay?: number;
  out: string;
}

export interface MergeResult {
  out: string;
  inputs: Array<{ path: string; step: number | null; weight: number }>;
  /** Float tensors averaged, and integer/bool tensors copied from the newest checkpoint. */
  averaged: number;
  copied: number;
  /**
   * Cosine between successive deltas, (cᵢ₊₁−cᵢ)·(cᵢ₊₂−cᵢ₊₁) over all float tensors, K−2 values:
   * the background note's test for simple averaging. Near −0.5 or below, the weights oscillate
   * about a minimum (what averaging cancels); near 1, they still travel in one direction (the
   * average lags behind the last checkpoint).
   */
  deltaCosines: number[];
}

/**
 * Averages `inputs` into `out` (safetensors, written atomically). The output's `__metadata__`
 * holds `step` (the newest input's, when known) and `repro_check_merge`, a JSON string:
 * `{"method", "decay"?, "inputs": [{"path", "step", "weight"}]}`. Tensors are laid out as the
 * newest input's would be by the reference writer; each float tensor is Σ wᵢ·cᵢ with the
 * method's weights (averagingWeights), summed in float64 and rounded once to its dtype.
 * @returns what was written: the inputs with their weights, tensor counts, delta cosines.
 * @throws ReproError for no inputs, or when the inputs differ in tensor names, dtypes or shapes (naming the
 * tensor and file), InputFileError for an unreadable input.
 */
export async function mergeCheckpoints(options: MergeOptions): Promise<MergeResult> {
  if (options.inputs.length === 0) throw new ReproError('merge needs at least one checkpoint');
  const opened: Checkpoint[] = [];
  try {
    for (const input of options.inputs) opened.push(await openCheckpoint(input));
    checkSameTensors(opened);
    const weights = averagingWeights(options.method, opened.length, options.decay);
    const inputs = opened.map((c, i) => ({ path: c.path, step: metadataStep(c.metadata), weight: weights[i]! }));
    const newest = opened.at(-1)!;
    const provenance = {
      method: options.method,
      ...(options.method === 'ema' ? { decay: options.decay ?? DEFAULT_EMA_DECAY } : {}),
      inputs,
    };
    const metadata: Record<string, string> = {
      ...(inputs.at(-1)!.step !== null ? { step: String(inputs.at(-1)!.step) } : {}),
      repro_check_merge: JSON.stringify(provenance),
    };
    const layout = safetensorsLayout(newest.tensors, metadata);
    const similarity = new SimilarityAccumulator(opened.length);
    const buffers = new MergeBuffers();
    let averaged = 0;
    await writeAtomicWith(options.out, async (handle) => {
      await writeAll(handle, layout.head, 0);
      for (const entry of layout.entries) {
        const tensors = opened.map((c) => c.tensors.find((t) => t.name === entry.name)!);
        const position = layout.head.length + entry.begin;
        if (FLOAT_DTYPES.has(tensors[0]!.dtype)) {
          await averageTensor(tensors, weights, handle, position, buffers, similarity);
          averaged++;
        } else await copyTensor(tensors.at(-1)!, handle, position, buffers.encoded);
      }
    });
    return { out: options.out, inputs, averaged, copied: layout.entries.length - averaged, ...similarity.cosines() };
  } finally {
    await Promise.all(opened.map((c) => c.close()));
  }
}

/**
 * The last `count` of `files` (all when count is undefined), oldest first: by the `step` in
 * their metadata when every one has it, else by natural name order (orderCheckpoints).
 * Only headers are read.
 * @returns the chosen paths with their metadata step (null when absent).
 * @throws InputFileError for a file that cannot be opened as a checkpoint.
 */
export async function lastCheckpoints(
  files: string[],
  count: number | undefined,
): Promise<Array<{ path: string; step: number | null }>> {
  const candidates: Array<{ path: string; step: number | null }> = [];
  for (const file of files)
    candidates.push({
      path: file,
      step: await withCheckpoint(file, async (checkpoint) => metadataStep(checkpoint.metadata)),
    });
  return orderCheckpoints(candidates).slice(count === undefined ? 0 : -count);
}

function checkSameTensors(checkpoints: Checkpoint[]): void {
  const reference = checkpoints[0]!;
  const describe = (t: CheckpointTensor) => `${t.dtype} [${t.shape.join(', ')}]`;
  for (const other of checkpoints.slice(1)) {
    const names = new Set(other.tensors.map((t) => t.name));
    for (const tensor of reference.tensors) {
      const match = other.tensors.find((t) => t.name === tensor.name);
      if (!match)
        throw new ReproError(
          `cannot average: tensor "${tensor.name}" is in ${reference.path} but not in ${other.path}`,
        );
      if (describe(match) !== describe(tensor))
        throw new ReproError(
          `cannot average: tensor "${tensor.name}" is ${describe(tensor)} in ${reference.path} but ${describe(match)} in ${other.path}`,
        );
      names.delete(tensor.name);
    }
    if (names.size > 0)
      throw new ReproError(
        `cannot average: tensor "${[...names][0]}" is in ${other.path} but not in ${reference.path}`,
      );
  }
}

class MergeBuffers {
  /** Two read buffers: the next checkpoint's chunk is read while this one is summed. */
  readonly reads = [new Uint8Array(CHUNK_ELEMENTS * 8), new Uint8Array(CHUNK_ELEMENTS * 8)] as const;
  /** The encoded output chunk, written while the next chunk is read. */
  readonly encoded = new Uint8Array(CHUNK_ELEMENTS * 8);
  pendingWrite: Promise<void> = Promise.resolve();
  readonly sum = new Float64Array(CHUNK_ELEMENTS);
  /** Swapped after each checkpoint rather than copied. */
  current = new Float64Array(CHUNK_ELEMENTS);
  previous = new Float64Array(CHUNK_ELEMENTS);
  readonly previousDelta = new Float64Array(CHUNK_ELEMENTS);
}

async function averageTensor(
  tensors: CheckpointTensor[],
  weights: number[],
  handle: FileHandle,
  position: number,
  buffers: MergeBuffers,
  similarity: SimilarityAccumulator,
): Promise<void> {
  const { dtype, byteLength } = tensors[0]!;
  const elementBytes = dtypeSize(dtype);
  const chunkBytes = CHUNK_ELEMENTS * elementBytes;
  for (let offset = 0; offset < byteLength; offset += chunkBytes) {
    const length = Math.min(chunkBytes, byteLength - offset);
    const count = length / elementBytes;
    const { reads } = buffers;
    let next = readTensorBytes(tensors[0]!, offset, reads[0].subarray(0, length));
    for (let k = 0; k < tensors.length; k++) {
      const bytes = await next;
      if (k + 1 < tensors.length)
        next = readTensorBytes(tensors[k + 1]!, offset, reads[(k + 1) % 2]!.subarray(0, length));
      decodeToFloat64(dtype, bytes, buffers.current);
      // One pass per checkpoint does the weighted sum and the similarity sums together.
      if (k === 0) similarity.first(buffers.current, buffers.sum, weights[0]!, count);
      else
        similarity.next(k, buffers.current, buffers.previous, buffers.previousDelta, buffers.sum, weights[k]!, count);
      [buffers.current, buffers.previous] = [buffers.previous, buffers.current];
    }
    await buffers.pendingWrite;
    encodeFromFloat64(dtype as 'F64' | 'F32' | 'F16' | 'BF16', buffers.sum, count, buffers.encoded);
    buffers.pendingWrite = writeAll(handle, buffers.encoded.subarray(0, length), position + offset);
  }
  await buffers.pendingWrite;
}

async function copyTensor(
  tensor: CheckpointTensor,
  handle: FileHandle,
  position: number,
  buffer: Uint8Array,
): Promise<void> {
  for (let offset = 0; offset < tensor.byteLength; offset += buffer.length) {
    const length = Math.min(buffer.length, tensor.byteLength - offset);
    await writeAll(handle, await readTensorBytes(tensor, offset, buffer.subarray(0, length)), position + offset);
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length)
    written += (await handle.write(bytes, written, bytes.length - written, position + written)).bytesWritten;
}
