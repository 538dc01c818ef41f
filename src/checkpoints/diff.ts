import type { Tolerance } from '../compare/types.ts';
import { withinTolerance } from '../compare/tolerance.ts';
import { decodeToFloat64 } from '../safetensors/values.ts';
import { dtypeSize } from '../safetensors/dtypes.ts';
import { type Checkpoint, type CheckpointTensor, FLOAT_DTYPES } from './checkpoint.ts';
import { readTensorBytes } from './source.ts';
import { CHUNK_BYTES } from './fingerprint.ts';

/**
 * Tensor-by-tensor comparison of two checkpoints, read in chunks (memory: four chunk buffers,
 * whatever the sizes). Float tensors are compared in float64: max |a−b|, relative L2
 * ‖a−b‖₂/‖a‖₂ and cosine a·b/(‖a‖‖b‖), with A as the reference. Integer and bool tensors
 * (PyTorch's `num_batches_tracked`) are compared exactly, never within a tolerance (DESIGN.md).
 */

export type TensorStatus = 'identical' | 'within-tolerance' | 'differ' | 'mismatch' | 'only-a' | 'only-b';

export interface TensorDiff {
  name: string;
  status: TensorStatus;
  dtype: string;
  shape: number[];
  /** Set for `mismatch`: what B has instead. */
  other?: { dtype: string; shape: number[] };
  /** Null when not computed (mismatch, only on one side). */
  maxAbsDiff: number | null;
  /** ‖a−b‖/‖a‖: 0 when both are all zero, Infinity when only A is, NaN with non-finite values. */
  relL2: number | null;
  /** 1 when both are all zero, NaN when exactly one is. */
  cosine: number | null;
  /** Sums the layer summary adds up (float64). */
  sumSqDiff: number;
  sumSqA: number;
}

export interface LayerDiff {
  /** The tensor name without its last dotted part (`encoder.0.attn` for `encoder.0.attn.weight`). */
  layer: string;
  tensors: number;
  differing: number;
  maxAbsDiff: number;
  /** Over the layer's compared tensors together. */
  relL2: number;
}

export interface WeightDiff {
  /** identical: every tensor bit for bit; within-tolerance: none outside it; differ: anything else. */
  status: 'identical' | 'within-tolerance' | 'differ';
  /** The tolerance applied to float tensors, null when none was given (then any difference differs). */
  tolerance: Tolerance | null;
  tensors: TensorDiff[];
  layers: LayerDiff[];
}

/**
 * Compares two opened checkpoints tensor by tensor, matched by name, A as the reference; reads
 * each float tensor once, in chunks of `chunkBytes` (a multiple of every element size), decoded
 * to float64. With a tolerance, a float tensor whose bytes differ passes as `within-tolerance`
 * when every element does (DESIGN.md's `|b − a| <= atol + rtol·|a|`); integer and bool tensors
 * never do.
 * @returns every tensor of either side in name order, the per-layer summary, and the status.
 * @throws InputFileError when a file turns out shorter than its header said.
 */
export async function diffCheckpoints(
  a: Checkpoint,
  b: Checkpoint,
  tolerance: Tolerance | null,
  chunkBytes = CHUNK_BYTES,
): Promise<WeightDiff> {
  const buffers = {
    bytesA: new Uint8Array(chunkBytes),
    bytesB: new Uint8Array(chunkBytes),
    valuesA: new Float64Array(chunkBytes),
    valuesB: new Float64Array(chunkBytes),
  };
  const inB = new Map(b.tensors.map((tensor) => [tensor.name, tensor]));
  const tensors: TensorDiff[] = [];
  for (const tensorA of a.tensors) {
    const tensorB = inB.get(tensorA.name);
    inB.delete(tensorA.name);
    if (!tensorB) tensors.push(uncomputed(tensorA, 'only-a'));
    else if (tensorA.dtype !== tensorB.dtype || tensorA.shape.join(',') !== tensorB.shape.join(',')) {
      tensors.push({ ...uncomputed(tensorA, 'mismatch'), other: { dtype: tensorB.dtype, shape: tensorB.shape } });
    } else tensors.push(await diffTensor(tensorA, tensorB, tolerance, buffers));
  }
  for (const tensorB of inB.values()) tensors.push(uncomputed(tensorB, 'only-b'));
  tensors.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const status = tensors.every((t) => t.status === 'identical')
    ? 'identical'
    : tensors.every((t) => t.status === 'identical' || t.status === 'within-tolerance')
      ? 'within-tolerance'
      : 'differ';
  return { status, tolerance, tensors, layers: summarizeLayers(tensors) };
}

interface DiffBuffers {
  bytesA: Uint8Array;
  bytesB: Uint8Array;
  valuesA: Float64Array;
  valuesB: Float64Array;
}

async function diffTensor(
  a: CheckpointTensor,
  b: CheckpointTensor,
  tolerance: Tolerance | null,
  buffers: DiffBuffers,
): Promise<TensorDiff> {
  const elementBytes = dtypeSize(a.dtype);
  // Whole elements per chunk; the float64 buffers hold one value per byte, enough for any dtype.
  const chunk = buffers.bytesA.length - (buffers.bytesA.length % elementBytes);
  const exactOnly = !FLOAT_DTYPES.has(a.dtype) || tolerance === null;
  let bytesIdentical = true;
  let inTolerance = true;
  let maxAbsDiff = 0;
  let sumSqDiff = 0;
  let sumSqA = 0;
  let sumSqB = 0;
  let dot = 0;
  for (let offset = 0; offset < a.byteLength; offset += chunk) {
    const length = Math.min(chunk, a.byteLength - offset);
    const bytesA = await readTensorBytes(a, offset, buffers.bytesA.subarray(0, length));
    const bytesB = await readTensorBytes(b, offset, buffers.bytesB.subarray(0, length));
    if (
      !Buffer.from(bytesA.buffer, bytesA.byteOffset, length).equals(
        Buffer.from(bytesB.buffer, bytesB.byteOffset, length),
      )
    )
      bytesIdentical = false;
    const count = decodeToFloat64(a.dtype, bytesA, buffers.valuesA);
    decodeToFloat64(a.dtype, bytesB, buffers.valuesB);
    const valuesA = buffers.valuesA;
    const valuesB = buffers.valuesB;
    for (let i = 0; i < count; i++) {
      const x = valuesA[i]!;
      const y = valuesB[i]!;
      // Equal values (the same infinity, NaN against NaN) differ by 0; a NaN against a number
      // makes the difference NaN, and Math.max keeps it so that it shows in the report.
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) {
        maxAbsDiff = Math.max(maxAbsDiff, Math.abs(x - y));
        sumSqDiff += (x - y) * (x - y);
      }
      sumSqA += x * x;
      sumSqB += y * y;
      dot += x * y;
      if (!exactOnly && inTolerance && !withinTolerance(x, y, tolerance)) inTolerance = false;
    }
  }
  const status: TensorStatus = bytesIdentical ? 'identical' : !exactOnly && inTolerance ? 'within-tolerance' : 'differ';
  const normA = Math.sqrt(sumSqA);
  const normB = Math.sqrt(sumSqB);
  const relL2 = sumSqA === 0 && sumSqDiff === 0 ? 0 : Math.sqrt(sumSqDiff) / normA;
  const cosine = normA === 0 && normB === 0 ? 1 : dot / (normA * normB);
  return { name: a.name, status, dtype: a.dtype, shape: a.shape, maxAbsDiff, relL2, cosine, sumSqDiff, sumSqA };
}

function uncomputed(tensor: CheckpointTensor, status: TensorStatus): TensorDiff {
  return {
    name: tensor.name,
    status,
    dtype: tensor.dtype,
    shape: tensor.shape,
    maxAbsDiff: null,
    relL2: null,
    cosine: null,
    sumSqDiff: 0,
    sumSqA: 0,
  };
}

/** The layer a tensor belongs to: its name without the last dotted part (the whole name when there is no dot). */
export function layerOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

function summarizeLayers(tensors: TensorDiff[]): LayerDiff[] {
  const layers = new Map<string, LayerDiff & { sumSqDiff: number; sumSqA: number }>();
  for (const tensor of tensors) {
    const name = layerOf(tensor.name);
    const layer = layers.get(name) ?? {
      layer: name,
      tensors: 0,
      differing: 0,
      maxAbsDiff: 0,
      relL2: 0,
      sumSqDiff: 0,
      sumSqA: 0,
    };
    layer.tensors++;
    if (tensor.status !== 'identical' && tensor.status !== 'within-tolerance') layer.differing++;
    if (tensor.maxAbsDiff !== null) layer.maxAbsDiff = Math.max(layer.maxAbsDiff, tensor.maxAbsDiff);
    layer.sumSqDiff += tensor.sumSqDiff;
    layer.sumSqA += tensor.sumSqA;
    layers.set(name, layer);
  }
  return [...layers.values()].map(({ sumSqDiff, sumSqA, ...layer }) => ({
    ...layer,
    relL2: sumSqA === 0 && sumSqDiff === 0 ? 0 : Math.sqrt(sumSqDiff) / Math.sqrt(sumSqA),
  }));
}
