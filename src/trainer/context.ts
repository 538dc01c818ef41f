import type { Tf } from './backend.ts';
import type { TrainerJob, TrainerOptionValue } from './job.ts';
import { type MetricTree, formatMetricsLine } from './metrics-line.ts';
import { type SeededRandom, createRandom } from './random.ts';
import { type SafetensorsTensor, serializeSafetensors } from '../safetensors/format.ts';
import type { Dtype } from '../safetensors/dtypes.ts';
import { ReproError } from '../errors.ts';

type Tensor = import('@tensorflow/tfjs').Tensor;
/** A layer weight as tfjs-layers exposes it (LayerVariable): its unique name and value. */
type NamedWeight = { name: string; read(): Tensor };

/**
 * A metric value: a number, or a one-element tensor (read for you). A string is written to
 * metrics.jsonl but never compared: the way to record a value that may be non-finite on purpose.
 */
export type LoggedValue = number | string | Tensor | { [name: string]: LoggedValue };

/** What `ctx.checkpoint` saves: a model or layer (its `.weights`), a list of them, or name -> tensor. */
export type WeightSource = { weights: NamedWeight[] } | Array<{ weights: NamedWeight[] }> | Record<string, Tensor>;

/** The `ctx` a trainer module's `default async function train(ctx)` receives. */
export interface TrainerContext {
  /** The chosen backend's TensorFlow.js, initialised; trainers must not import their own. */
  tf: Tf;
  seed: number;
  /** The step budget (trainer.steps); steps are numbered 1..steps. */
  steps: number;
  checkpointEvery: number;
  /** trainer.options from the config. */
  options: Readonly<Record<string, TrainerOptionValue>>;
  /** Seeded from `seed`: batches, initializer seeds, data. Math.random is not for trainers. */
  random: SeededRandom;
  /**
   * Appends one line to metrics.jsonl; step null logs final values (no step). A NaN or ±Infinity
   * value ends the run (exit 2): the training diverged.
   */
  log(step: number | null, metrics: { [name: string]: LoggedValue }): void;
  /**
   * Writes checkpoints/step-<step>.safetensors when the step is due (every checkpointEvery steps,
   * and the last step); returns whether it wrote. Without `weights`, the model given to `useModel`.
   */
  checkpoint(step: number, weights?: WeightSource): Promise<boolean>;
  /** Names the model (or layers, or name -> tensor) that `checkpoint(step)` saves by default. */
  useModel(weights: WeightSource): void;
  /** Dropout with a fresh seed from `random` on every call (tf.layers.dropout({seed}) reuses one mask). */
  dropout(x: Tensor, rate: number): Tensor;
}

/** Where the context's output goes: the worker writes files, tests may keep it in memory. */
export interface TrainerOutput {
  appendMetricsLine(text: string): void;
  /** Returns the checkpoint's path relative to the output folder. */
  writeCheckpoint(step: number, bytes: Uint8Array): string;
}

export interface TrainerContextState {
  context: TrainerContext;
  linesLogged(): number;
  /** The refusal of the first non-finite value logged, kept in case the trainer caught it. */
  divergence(): ReproError | null;
  checkpoints(): Array<{ path: string; step: number }>;
}

const TF_TO_SAFETENSORS: Readonly<Record<string, Dtype>> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };

export function createTrainerContext(tf: Tf, job: TrainerJob, output: TrainerOutput): TrainerContextState {
  const random = createRandom(job.seed);
  const checkpoints: Array<{ path: string; step: number }> = [];
  let linesLogged = 0;
  let divergence: ReproError | null = null;
  let defaultWeights: WeightSource | null = null;

  const context: TrainerContext = {
    tf,
    seed: job.seed,
    steps: job.steps,
    checkpointEvery: job.checkpointEvery,
    options: Object.freeze({ ...job.options }),
    random,
    log(step, metrics) {
      const { text, nonFinite } = formatMetricsLine(step, readValues(metrics, ''));
      if (nonFinite.length > 0) {
        // A NaN or infinite loss means the training diverged: nothing after it is worth comparing,
        // and a baseline recorded from it would hold the divergence as the expected result.
        divergence ??= divergedError(job.module, step, nonFinite);
        throw divergence;
      }
      output.appendMetricsLine(text);
      linesLogged++;
    },
    async checkpoint(step, weights) {
      const source = weights ?? defaultWeights;
      if (source === null || source === undefined) {
        throw new TypeError(`ctx.checkpoint(${step}): no weights to save. Call ctx.useModel(model) once after building the model, or pass them: ctx.checkpoint(step, model)`);
      }
      const due = job.checkpointEvery > 0 && (step % job.checkpointEvery === 0 || step === job.steps);
      if (!due) return false;
      const tensors = await Promise.all(namedTensors(source).map(([name, tensor]) => toSafetensor(name, tensor)));
      checkpoints.push({ path: output.writeCheckpoint(step, serializeSafetensors(tensors, { step: String(step) })), step });
      return true;
    },
    useModel(weights) {
      defaultWeights = weights;
    },
    dropout(x, rate) {
      return rate === 0 ? x : tf.dropout(x, rate, undefined, random.nextSeed());
    },
  };
  return { context, linesLogged: () => linesLogged, divergence: () => divergence, checkpoints: () => [...checkpoints] };
}

function divergedError(module: string, step: number | null, values: Array<{ name: string; value: number }>): ReproError {
  const where = step === null ? 'as a final value' : `at step ${step}`;
  const listed = values.map(({ name, value }) => `${name} = ${String(value)}`).join(', ');
  return new ReproError(`The trainer ${module} logged a non-finite value ${where}: ${listed}. The training diverged (NaN/Inf loss).`, {
    hint: 'Lower the learning rate (trainer.options) or check the data for NaN or huge inputs and out-of-range labels. If the value may be non-finite on purpose, log it as a string (String(value): written, never compared) or leave it out of that log call.',
  });
}

function readValues(metrics: { [name: string]: LoggedValue }, prefix: string): MetricTree {
  const tree: MetricTree = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (isTensor(value)) {
      if (value.size !== 1) throw new TypeError(`log(step, metrics): ${prefix}${key} is a tensor of shape [${value.shape.join(', ')}]; log scalars`);
      tree[key] = value.dataSync()[0]!;
    } else tree[key] = typeof value === 'object' && value !== null ? readValues(value, `${prefix}${key}.`) : (value as number | string);
  }
  return tree;
}

function namedTensors(weights: WeightSource): Array<[string, Tensor]> {
  const holders = Array.isArray(weights) ? weights : 'weights' in weights && Array.isArray(weights.weights) ? [weights as { weights: NamedWeight[] }] : null;
  if (holders === null) return Object.entries(weights as Record<string, Tensor>);
  return holders.flatMap((holder) => holder.weights.map((variable): [string, Tensor] => [variable.name, variable.read()]));
}

async function toSafetensor(name: string, tensor: Tensor): Promise<SafetensorsTensor> {
  const dtype = TF_TO_SAFETENSORS[tensor.dtype];
  if (!dtype) throw new TypeError(`checkpoint: tensor "${name}" has tfjs dtype ${tensor.dtype}; checkpoints hold float32, int32 and bool`);
  const values = await tensor.data();
  // Node runs on little-endian hosts only, so typed-array bytes are already safetensors' byte order.
  const data = dtype === 'BOOL' ? Uint8Array.from(values as Uint8Array) : new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dtype, shape: [...tensor.shape], data };
}

function isTensor(value: unknown): value is Tensor {
  return typeof value === 'object' && value !== null && typeof (value as Tensor).dataSync === 'function' && Array.isArray((value as Tensor).shape);
}
