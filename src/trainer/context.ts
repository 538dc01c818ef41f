import type { Tf } from './backend.ts';
import type { TrainerJob, TrainerOptionValue } from './job.ts';
import { formatMetricsLine } from './metrics-line.ts';
import { type SeededRandom, createRandom } from './random.ts';
import { serializeSafetensors } from '../safetensors/format.ts';
import { toSafetensor } from './tensor-bytes.ts';
import { ReproError } from '../errors.ts';
import type { ResumeRequest } from '../proc/resume-protocol.ts';
import { type JsonValue, captureState, restoreState } from './training-state.ts';
import { type LoggedValue, divergedError, readValues } from './logged-values.ts';
import { type WeightSource, namedTensors, stateVariables } from './weight-source.ts';

type Tensor = import('@tensorflow/tfjs').Tensor;
type Optimizer = import('@tensorflow/tfjs').Optimizer;

/**
 * What `ctx.resume` restores and `ctx.stopAfter` saves: the model (as for checkpoints; a
 * name -> tensor map must hold tf.Variables, which can be overwritten) and the optimizer.
 */
export interface ResumeTarget {
  weights: WeightSource;
  optimizer?: Optimizer;
}

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
  /**
   * The exact-resume protocol (docs/trainer.md), for a trainer that owns its loop. Call once,
   * after building the model and optimizer and drawing the data, before the first step. In the
   * resumed leg of `repro-check audit --resume-at N` it loads the saved weights, optimizer slots
   * and ctx.random state, and returns firstStep N+1 and the `extra` given to stopAfter;
   * otherwise it changes nothing and returns { firstStep: 1, extra: null }.
   * @throws ReproError when the saved state does not fit the model or optimizer.
   */
  resume(target: ResumeTarget): Promise<{ firstStep: number; extra: JsonValue | null }>;
  /**
   * Call at the end of every step (after its log and checkpoint). In the first leg of a resume
   * audit, at step N, it saves the full state (with `extra`: JSON values the loop keeps between
   * steps, such as a batch queue) and returns true: train() must return then, without final
   * values. Otherwise it returns false.
   */
  stopAfter(step: number, target: ResumeTarget & { extra?: JsonValue }): Promise<boolean>;
  /** Dropout with a fresh seed from `random` on every call (tf.layers.dropout({seed}) reuses one mask). */
  dropout(x: Tensor, rate: number): Tensor;
}

/** Where the context's output goes: the worker writes files, tests may keep it in memory. */
export interface TrainerOutput {
  appendMetricsLine(text: string): void;
  /** Returns the checkpoint's path relative to the output folder. */
  writeCheckpoint(step: number, bytes: Uint8Array): string;
  /** The resume state folder (job.resume.stateDir): one file by name, written or read whole. */
  writeStateFile(name: string, bytes: Uint8Array): void;
  /** @throws ReproError when the file is not there. */
  readStateFile(name: string): Uint8Array;
}

/** The context handed to train(), and what the worker reads back from it once train() returns. */
export interface TrainerContextState {
  context: TrainerContext;
  linesLogged(): number;
  /** The refusal of the first non-finite value logged, kept in case the trainer caught it. */
  divergence(): ReproError | null;
  checkpoints(): Array<{ path: string; step: number }>;
  /** When the job is a leg of a resume audit that train() did not follow (never stopped, never resumed): why. */
  resumeNotFollowed(): ReproError | null;
}

/**
 * The `ctx` for one training job: seeded from `job.seed` (ctx.random and dropout seeds),
 * writing metrics lines and `step-<step>.safetensors` checkpoints (metadata `step`) through
 * `output`, and the resume state when `job.resume` asks for it (docs/trainer.md).
 * @param tf the chosen backend's TensorFlow.js, initialised
 * @returns the context and readers of what it did (lines logged, checkpoints, a divergence).
 */
export function createTrainerContext(tf: Tf, job: TrainerJob, output: TrainerOutput): TrainerContextState {
  const random = createRandom(job.seed);
  const checkpoints: Array<{ path: string; step: number }> = [];
  let linesLogged = 0;
  let divergence: ReproError | null = null;
  let defaultWeights: WeightSource | null = null;
  let resumeFollowed = false;

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
        throw new TypeError(
          `ctx.checkpoint(${step}): no weights to save. Call ctx.useModel(model) once after building the model, or pass them: ctx.checkpoint(step, model)`,
        );
      }
      const due = job.checkpointEvery > 0 && (step % job.checkpointEvery === 0 || step === job.steps);
      if (!due) return false;
      const tensors = await Promise.all(namedTensors(source).map(([name, tensor]) => toSafetensor(name, tensor)));
      checkpoints.push({
        path: output.writeCheckpoint(step, serializeSafetensors(tensors, { step: String(step) })),
        step,
      });
      return true;
    },
    useModel(weights) {
      defaultWeights = weights;
    },
    async resume(target) {
      if (job.resume?.kind !== 'resume') return { firstStep: 1, extra: null };
      const variables = stateVariables(target.weights);
      const { step, extra } = await restoreState(
        tf,
        (name) => output.readStateFile(name),
        { variables, optimizer: target.optimizer ?? null },
        random,
      );
      resumeFollowed = true;
      return { firstStep: step + 1, extra };
    },
    async stopAfter(step, target) {
      if (job.resume?.kind !== 'stop' || step !== job.resume.step) return false;
      const parts = {
        step,
        variables: stateVariables(target.weights),
        optimizer: target.optimizer ?? null,
        extra: target.extra ?? null,
      };
      for (const [name, bytes] of await captureState(parts, random)) output.writeStateFile(name, bytes);
      resumeFollowed = true;
      return true;
    },
    dropout(x, rate) {
      return rate === 0 ? x : tf.dropout(x, rate, undefined, random.nextSeed());
    },
  };
  return {
    context,
    linesLogged: () => linesLogged,
    divergence: () => divergence,
    checkpoints: () => [...checkpoints],
    resumeNotFollowed: () =>
      job.resume === null || resumeFollowed ? null : resumeNotFollowedError(job.module, job.resume),
  };
}

/** Without this, a trainer that ignores the protocol would train a resumed leg from step 1 and pass the audit. */
function resumeNotFollowedError(module: string, request: ResumeRequest): ReproError {
  const what =
    request.kind === 'stop'
      ? `was asked to stop after step ${request.step} and save its state, but never reached ctx.stopAfter(${request.step}, …)`
      : 'was asked to resume from a saved state, but never called ctx.resume(…)';
  return new ReproError(`The trainer ${module} ${what}: it does not implement the exact-resume protocol`, {
    hint: 'Call `const { firstStep } = await ctx.resume({ weights: model, optimizer })` before the loop, start the loop at firstStep, and end each step with `if (await ctx.stopAfter(step, { weights: model, optimizer })) return;` (docs/trainer.md).',
  });
}
