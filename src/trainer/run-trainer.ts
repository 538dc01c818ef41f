import { existsSync } from 'node:fs';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReproError } from '../errors.ts';
import { runProcess } from '../proc/run-process.ts';
import { outputTailText, processEndPhrase } from '../proc/process-failure.ts';
import type { CheckpointEntry } from '../record/types.ts';
import { fingerprintCheckpoint } from '../checkpoints/fingerprint.ts';
import { type NativeBackend, checkBackendName, resolveNativePackage } from './backend.ts';
import { installBackendIntoToolCache } from './install-backend.ts';
import {
  BUILTIN_TRAINERS,
  METRICS_FILE,
  TRAINER_RESULT_FILE,
  type BackendInfo,
  type TrainerJob,
  type TrainingTime,
  type TrainerOptionValue,
  type TrainerResult,
} from './job.ts';
import { readResumeRequest } from '../proc/resume-protocol.ts';
import { trainerWorkerArgs } from './worker-location.ts';

export interface RunTrainerOptions {
  /** A module path relative to cwd, or `builtin:smoke`. */
  module: string;
  backend: string;
  steps: number;
  checkpointEvery: number;
  seed: number;
  strictDeterminism: boolean;
  installBackend: boolean;
  outDir: string;
  /** The checked project: the worker runs here and native backends are resolved from here first. */
  cwd: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** trainer.options, given to the trainer as ctx.options. */
  options?: Record<string, TrainerOptionValue>;
  onOutputLine?: (line: string) => void;
  signal?: AbortSignal;
  /** argv put before the worker's (the PID-namespace launcher, src/proc/isolation.ts). */
  wrapper?: string[];
}

export interface TrainerRun {
  metricsPath: string;
  checkpoints: CheckpointEntry[];
  backend: BackendInfo;
  training: TrainingTime;
  warnings: string[];
}

/**
 * Trains once in a fresh worker process (installing the native backend first when asked) and
 * reads back what it wrote in `outDir`: metrics.jsonl, the checkpoints' fingerprints, the
 * backend and the training's CPU time.
 * @throws ReproError (exit 2) for an unknown backend or module, a failed install, a worker that
 * fails, times out or is cancelled, a diverged training, or a resume leg train() did not follow.
 */
export async function runTrainer(options: RunTrainerOptions): Promise<TrainerRun> {
  const backend = checkBackendName(options.backend);
  const module = await resolveTrainerModule(options.module, options.cwd);
  // The project first, then repro-check's own install (the folder of this file, bundled or not).
  const backendSearchDirs = [options.cwd, path.dirname(fileURLToPath(import.meta.url))];
  if (options.installBackend && backend !== 'cpu' && backend !== 'wasm') {
    const wanted: NativeBackend =
      backend === 'auto' ? (existsSync('/proc/driver/nvidia/version') ? 'tensorflow-gpu' : 'tensorflow') : backend;
    if (!resolveNativePackage(wanted, backendSearchDirs)) {
      backendSearchDirs.push(
        await installBackendIntoToolCache({
          backend: wanted,
          env: options.env,
          timeoutMs: options.timeoutMs,
          ...(options.onOutputLine ? { onOutputLine: options.onOutputLine } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
    }
  }

  await mkdir(options.outDir, { recursive: true });
  const resultFile = path.join(options.outDir, TRAINER_RESULT_FILE);
  // A result left from an earlier run in the same folder must not pass for this one's.
  await rm(resultFile, { force: true });
  const job: TrainerJob = {
    module,
    backend,
    seed: options.seed,
    steps: options.steps,
    checkpointEvery: options.checkpointEvery,
    strictDeterminism: options.strictDeterminism,
    outDir: options.outDir,
    backendSearchDirs,
    options: options.options ?? {},
    // From the environment the training would see, so a trainer run by hand with the variables set follows them too.
    resume: readResumeRequest(options.env),
  };
  const workerArgs = trainerWorkerArgs(import.meta.url, existsSync, () => import.meta.resolve('tsx'));
  const nodeFlags = typeScriptNodeFlags(options.module, process.versions.node);
  const processResult = await runProcess({
    argv: [process.execPath, ...nodeFlags, ...workerArgs, JSON.stringify(job)],
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    ...(options.wrapper ? { wrapper: options.wrapper } : {}),
    ...(options.onOutputLine ? { onOutputLine: options.onOutputLine } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  const result = await readTrainerResult(resultFile);
  if (
    result === null &&
    processResult.exitCode === UNSETTLED_TOP_LEVEL_AWAIT &&
    !processResult.timedOut &&
    !processResult.cancelled
  ) {
    // The worker awaits train() at its top level; Node ends a process whose event loop ran
    // empty with that await pending with exit code 13. Nothing crashed: train() waits forever.
    throw new ReproError(
      `The trainer ${options.module}: train() returned a promise that never settled (Node exited with code 13, "unsettled top-level await": nothing was left to run while train(), or the module's top-level await, was still waiting).\n${outputTailText(processResult)}`,
      {
        hint: 'Every promise train() awaits must resolve or reject: look for a new Promise whose resolve is never called, or a callback or event that never comes.',
      },
    );
  }
  if (result === null || processResult.timedOut || processResult.cancelled) {
    const why = processEndPhrase(processResult, `${Math.round(options.timeoutMs / 1000)} s (timeout-minutes)`);
    const stopped = processResult.timedOut || processResult.cancelled;
    throw new ReproError(
      `The trainer ${options.module} ${why}${stopped ? '' : ' without a result'}.\n${outputTailText(processResult)}`,
      { hint: 'A crash in a native backend shows here; try backend: cpu to tell the trainer from the backend.' },
    );
  }
  if (!result.ok)
    throw new ReproError(
      result.stack ? `${result.message}\n${result.stack}` : result.message,
      result.hint ? { hint: result.hint } : {},
    );

  const checkpoints: CheckpointEntry[] = [];
  for (const written of result.checkpoints) {
    checkpoints.push(await fingerprintCheckpoint(path.join(options.outDir, written.path)));
  }
  return {
    metricsPath: path.join(options.outDir, METRICS_FILE),
    checkpoints,
    backend: result.backend,
    training: result.training,
    warnings: result.warnings,
  };
}

/** Node's exit code when the event loop empties while a top-level await is still pending. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

/** The run's backend as environment-fingerprint entries (`extra`), so a changed backend shows as an environment difference. */
export function backendFingerprint(backend: BackendInfo): Record<string, string> {
  return {
    'tfjs.backend': backend.name,
    'tfjs.version': backend.version,
    'tfjs.device': backend.device,
    ...(backend.libtensorflow ? { 'tfjs.libtensorflow': backend.libtensorflow } : {}),
    ...(backend.builtFor ? { 'tfjs.built-for': backend.builtFor } : {}),
    ...(backend.simd !== undefined ? { 'tfjs.wasm-simd': String(backend.simd) } : {}),
  };
}

const TYPESCRIPT_MODULE = /\.[cm]?ts$/;

/**
 * The Node flags the worker needs to import a trainer module written in TypeScript (pure).
 * Node strips types itself from 22.6 behind --experimental-strip-types, and by default from
 * 23.6 (and 22.18); older Nodes refuse a .ts file with a bare ERR_UNKNOWN_FILE_EXTENSION, so
 * that case is told here, before a worker is started.
 */
export function typeScriptNodeFlags(module: string, nodeVersion: string): string[] {
  if (!TYPESCRIPT_MODULE.test(module)) return [];
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const atLeast = (wantedMajor: number, wantedMinor: number) =>
    major > wantedMajor || (major === wantedMajor && minor >= wantedMinor);
  if (atLeast(23, 6) || (major === 22 && minor >= 18)) return [];
  if (atLeast(22, 6)) return ['--experimental-strip-types'];
  throw new ReproError(
    `The trainer module ${module} is TypeScript, which Node ${nodeVersion} (the Node running repro-check) cannot load: Node strips types from 22.6 with --experimental-strip-types (repro-check passes it) and by default from 23.6.`,
    {
      hint: "Use a .js or .mjs module (write it in JavaScript, or compile it with tsc first), or run repro-check on Node 22.6 or later (the action runs on the runner's Node 24).",
    },
  );
}

async function resolveTrainerModule(module: string, cwd: string): Promise<string> {
  if (module.startsWith('builtin:')) {
    if ((BUILTIN_TRAINERS as readonly string[]).includes(module)) return module;
    throw new ReproError(
      `Unknown built-in trainer "${module}" (trainer.module); built-in: ${BUILTIN_TRAINERS.join(', ')}, or a path to a .js/.mjs module (.ts on Node 22.6 or later)`,
    );
  }
  const absolute = path.resolve(cwd, module);
  try {
    await access(absolute);
  } catch {
    throw new ReproError(`The trainer module ${module} was not found (looked at ${absolute})`, {
      hint: 'trainer.module is a path relative to working-directory, or builtin:smoke.',
    });
  }
  return absolute;
}

async function readTrainerResult(file: string): Promise<TrainerResult | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as TrainerResult;
  } catch {
    return null;
  }
}
