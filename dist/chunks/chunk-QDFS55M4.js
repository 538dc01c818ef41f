import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  decodeToFloat64,
  encodeFromFloat64
} from "./chunk-MPNB6IT3.js";
import {
  FLOAT_DTYPES,
  metadataStep,
  openCheckpoint,
  orderCheckpoints,
  readTensorBytes,
  withCheckpoint
} from "./chunk-O7PLZ7CT.js";
import {
  safetensorsLayout
} from "./chunk-LHXOGF6I.js";
import {
  dtypeSize
} from "./chunk-KMS2X7K7.js";
import {
  writeAtomicWith
} from "./chunk-54B7A6WN.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/checkpoints/averaging.ts
init_define_REPRO_CHART_LIBRARY();
var AVERAGING_METHODS = ["sma", "ema", "wma"];
var DEFAULT_EMA_DECAY = 0.9;
function averagingWeights(method, count, decay = DEFAULT_EMA_DECAY) {
  switch (method) {
    case "sma":
      return Array.from({ length: count }, () => 1 / count);
    case "ema":
      return Array.from(
        { length: count },
        (_, i) => i === 0 ? decay ** (count - 1) : (1 - decay) * decay ** (count - 1 - i)
      );
    case "wma":
      return Array.from({ length: count }, (_, i) => (i + 1) / (count * (count + 1) / 2));
  }
}

// src/checkpoints/merge.ts
init_define_REPRO_CHART_LIBRARY();

// src/checkpoints/delta-similarity.ts
init_define_REPRO_CHART_LIBRARY();
var SimilarityAccumulator = class {
  deltaNorms;
  deltaDots;
  /** `count`: the number of checkpoints K. */
  constructor(count) {
    this.deltaNorms = new Array(Math.max(count - 1, 0)).fill(0);
    this.deltaDots = new Array(Math.max(count - 2, 0)).fill(0);
  }
  /** The first checkpoint on one chunk: starts the weighted sum. */
  first(current, sum, weight, count) {
    for (let i = 0; i < count; i++) sum[i] = weight * current[i];
  }
  /**
   * Checkpoint k (≥ 1) on one chunk: adds it to the weighted sum, in the same pass as the delta
   * sums (the merge's cost is this loop). `previousDelta` holds dₖ₋₁ and is replaced by dₖ.
   * Two interleaved accumulators per sum break the dependency chain of the additions.
   */
  next(k, current, previous, previousDelta, sum, weight, count) {
    let normEven = 0;
    let normOdd = 0;
    let dotEven = 0;
    let dotOdd = 0;
    let i = 0;
    for (; i + 1 < count; i += 2) {
      const x0 = current[i];
      const x1 = current[i + 1];
      const delta0 = x0 - previous[i];
      const delta1 = x1 - previous[i + 1];
      sum[i] += weight * x0;
      sum[i + 1] += weight * x1;
      normEven += delta0 * delta0;
      normOdd += delta1 * delta1;
      dotEven += delta0 * previousDelta[i];
      dotOdd += delta1 * previousDelta[i + 1];
      previousDelta[i] = delta0;
      previousDelta[i + 1] = delta1;
    }
    if (i < count) {
      const x = current[i];
      const delta = x - previous[i];
      sum[i] += weight * x;
      normEven += delta * delta;
      dotEven += delta * previousDelta[i];
      previousDelta[i] = delta;
    }
    this.deltaNorms[k - 1] += normEven + normOdd;
    if (k >= 2) this.deltaDots[k - 2] += dotEven + dotOdd;
  }
  /**
   * cos(dₖ₊₁, dₖ) for k = 1 … K−2 (K−2 values, none for K < 3); NaN where a delta is all zeros
   * (two identical checkpoints in a row).
   */
  cosines() {
    return {
      deltaCosines: this.deltaDots.map((dot, i) => dot / Math.sqrt(this.deltaNorms[i] * this.deltaNorms[i + 1]))
    };
  }
};

// src/checkpoints/merge.ts
var CHUNK_ELEMENTS = 1024 * 1024;
async function mergeCheckpoints(options) {
  if (options.inputs.length === 0) throw new ReproError("merge needs at least one checkpoint");
  const opened = [];
  try {
    for (const input of options.inputs) opened.push(await openCheckpoint(input));
    checkSameTensors(opened);
    const weights = averagingWeights(options.method, opened.length, options.decay);
    const inputs = opened.map((c, i) => ({ path: c.path, step: metadataStep(c.metadata), weight: weights[i] }));
    const newest = opened.at(-1);
    const provenance = {
      method: options.method,
      ...options.method === "ema" ? { decay: options.decay ?? DEFAULT_EMA_DECAY } : {},
      inputs
    };
    const metadata = {
      ...inputs.at(-1).step !== null ? { step: String(inputs.at(-1).step) } : {},
      repro_check_merge: JSON.stringify(provenance)
    };
    const layout = safetensorsLayout(newest.tensors, metadata);
    const similarity = new SimilarityAccumulator(opened.length);
    const buffers = new MergeBuffers();
    let averaged = 0;
    await writeAtomicWith(options.out, async (handle) => {
      await writeAll(handle, layout.head, 0);
      for (const entry of layout.entries) {
        const tensors = opened.map((c) => c.tensors.find((t) => t.name === entry.name));
        const position = layout.head.length + entry.begin;
        if (FLOAT_DTYPES.has(tensors[0].dtype)) {
          await averageTensor(tensors, weights, handle, position, buffers, similarity);
          averaged++;
        } else await copyTensor(tensors.at(-1), handle, position, buffers.encoded);
      }
    });
    return { out: options.out, inputs, averaged, copied: layout.entries.length - averaged, ...similarity.cosines() };
  } finally {
    await Promise.all(opened.map((c) => c.close()));
  }
}
async function lastCheckpoints(files, count) {
  const candidates = [];
  for (const file of files)
    candidates.push({
      path: file,
      step: await withCheckpoint(file, async (checkpoint) => metadataStep(checkpoint.metadata))
    });
  return orderCheckpoints(candidates).slice(count === void 0 ? 0 : -count);
}
function checkSameTensors(checkpoints) {
  const reference = checkpoints[0];
  const describe = (t) => `${t.dtype} [${t.shape.join(", ")}]`;
  for (const other of checkpoints.slice(1)) {
    const names = new Set(other.tensors.map((t) => t.name));
    for (const tensor of reference.tensors) {
      const match = other.tensors.find((t) => t.name === tensor.name);
      if (!match)
        throw new ReproError(
          `cannot average: tensor "${tensor.name}" is in ${reference.path} but not in ${other.path}`
        );
      if (describe(match) !== describe(tensor))
        throw new ReproError(
          `cannot average: tensor "${tensor.name}" is ${describe(tensor)} in ${reference.path} but ${describe(match)} in ${other.path}`
        );
      names.delete(tensor.name);
    }
    if (names.size > 0)
      throw new ReproError(
        `cannot average: tensor "${[...names][0]}" is in ${other.path} but not in ${reference.path}`
      );
  }
}
var MergeBuffers = class {
  /** Two read buffers: the next checkpoint's chunk is read while this one is summed. */
  reads = [new Uint8Array(CHUNK_ELEMENTS * 8), new Uint8Array(CHUNK_ELEMENTS * 8)];
  /** The encoded output chunk, written while the next chunk is read. */
  encoded = new Uint8Array(CHUNK_ELEMENTS * 8);
  pendingWrite = Promise.resolve();
  sum = new Float64Array(CHUNK_ELEMENTS);
  /** Swapped after each checkpoint rather than copied. */
  current = new Float64Array(CHUNK_ELEMENTS);
  previous = new Float64Array(CHUNK_ELEMENTS);
  previousDelta = new Float64Array(CHUNK_ELEMENTS);
};
async function averageTensor(tensors, weights, handle, position, buffers, similarity) {
  const { dtype, byteLength } = tensors[0];
  const elementBytes = dtypeSize(dtype);
  const chunkBytes = CHUNK_ELEMENTS * elementBytes;
  for (let offset = 0; offset < byteLength; offset += chunkBytes) {
    const length = Math.min(chunkBytes, byteLength - offset);
    const count = length / elementBytes;
    const { reads } = buffers;
    let next = readTensorBytes(tensors[0], offset, reads[0].subarray(0, length));
    for (let k = 0; k < tensors.length; k++) {
      const bytes = await next;
      if (k + 1 < tensors.length)
        next = readTensorBytes(tensors[k + 1], offset, reads[(k + 1) % 2].subarray(0, length));
      decodeToFloat64(dtype, bytes, buffers.current);
      if (k === 0) similarity.first(buffers.current, buffers.sum, weights[0], count);
      else
        similarity.next(k, buffers.current, buffers.previous, buffers.previousDelta, buffers.sum, weights[k], count);
      [buffers.current, buffers.previous] = [buffers.previous, buffers.current];
    }
    await buffers.pendingWrite;
    encodeFromFloat64(dtype, buffers.sum, count, buffers.encoded);
    buffers.pendingWrite = writeAll(handle, buffers.encoded.subarray(0, length), position + offset);
  }
  await buffers.pendingWrite;
}
async function copyTensor(tensor, handle, position, buffer) {
  for (let offset = 0; offset < tensor.byteLength; offset += buffer.length) {
    const length = Math.min(buffer.length, tensor.byteLength - offset);
    await writeAll(handle, await readTensorBytes(tensor, offset, buffer.subarray(0, length)), position + offset);
  }
}
async function writeAll(handle, bytes, position) {
  let written = 0;
  while (written < bytes.length)
    written += (await handle.write(bytes, written, bytes.length - written, position + written)).bytesWritten;
}

export {
  AVERAGING_METHODS,
  DEFAULT_EMA_DECAY,
  mergeCheckpoints,
  lastCheckpoints
};
