/**
 * The trainer's child process (dist/trainer-worker.js; from source `node --import tsx
 * src/trainer/worker.ts`). One process per run: tfjs-layers names weights through a
 * process-wide registry, and a second model in one process would get `dense/kernel_1`.
 *
 * argv[2] is the TrainerJob as JSON. The worker writes metrics.jsonl and
 * checkpoints/step-<N>.safetensors into job.outDir (in a resume audit's legs, the training
 * state into job.resume.stateDir, or reads it from there), and last trainer-result.json, which is
 * how the parent learns what happened (exit code 0, or 2 with `ok: false`).
 */
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReproError } from '../errors.ts';
import { createRequire } from 'node:module';
import { type Tf, type WasmBackendModule, checkBackendName } from './backend.ts';
import { type BundledBackends, loadBackend } from './load-backend.ts';
import { createTrainerContext, type TrainerContext } from './context.ts';
import {
  METRICS_FILE,
  STRICT_DETERMINISM_ENV,
  TRAINER_RESULT_FILE,
  type TrainerJob,
  type TrainerResult,
} from './job.ts';
import { createRandom } from './random.ts';
import { wasmBinaryDir } from './worker-location.ts';

type TrainFunction = (ctx: TrainerContext) => unknown;

async function runJob(job: TrainerJob): Promise<TrainerResult> {
  // Native TensorFlow reads these when it loads, so they must be set before the backend is imported.
  if (job.strictDeterminism) Object.assign(process.env, STRICT_DETERMINISM_ENV);
  const backend = await loadBackend(checkBackendName(job.backend), job.backendSearchDirs, bundledBackends());
  for (const note of backend.notes) console.log(`repro-check trainer: ${note}`);
  const simd = backend.info.simd === undefined ? '' : backend.info.simd ? ', SIMD' : ', no SIMD';
  console.log(
    `repro-check trainer: backend ${backend.info.name} ${backend.info.version} on ${backend.info.device}${simd}`,
  );

  // Before the user module is imported: a Math.random call at its top level counts too.
  const mathRandomUse = guardMathRandom(job.seed);
  const train = await importTrainer(job.module);
  mkdirSync(path.join(job.outDir, 'checkpoints'), { recursive: true });
  const metricsFd = openSync(path.join(job.outDir, METRICS_FILE), 'w');
  const state = createTrainerContext(backend.tf as Tf, job, {
    appendMetricsLine: (text) => writeSync(metricsFd, `${text}\n`),
    writeCheckpoint: (step, bytes) => {
      const relative = path.join('checkpoints', `step-${step}.safetensors`);
      writeFileSync(path.join(job.outDir, relative), bytes);
      return relative;
    },
    writeStateFile: (name, bytes) => writeFileSync(path.join(stateDir(job), name), bytes),
    readStateFile: (name) => {
      const file = path.join(stateDir(job), name);
      if (!existsSync(file))
        throw new ReproError(`The saved training state has no ${name} (looked for ${file})`, {
          hint: 'Resume from the folder a first leg (REPRO_STOP_AT_STEP) saved into, left as it wrote it.',
        });
      return readFileSync(file);
    },
  });
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  try {
    await train(state.context);
  } catch (error) {
    // ctx.log's refusal of a diverged value says it all; its stack would point into repro-check.
    if (error === state.divergence()) throw error;
    const missingKernel = MISSING_KERNEL.exec(error instanceof Error ? error.message : '');
    if (missingKernel) {
      const [, op, backendName] = missingKernel;
      // Where the trainer module called it; the frames inside tfjs say nothing to its author.
      const calls = ((error as Error).stack ?? '').split('\n').filter((line) => line.includes(job.module));
      throw new ReproError(
        `The trainer ${job.module} uses the op ${op}, which the ${backendName} backend does not support (no kernel '${op}' for '${backendName}'); repro-check never falls back to another backend for one op.${calls.length > 0 ? `\n${calls.join('\n')}` : ''}`,
        {
          hint: "Use a backend that has it (the README's built-in trainer section lists the layers and ops of each; backend: cpu runs every tfjs op), or avoid the op.",
        },
      );
    }
    throw new ReproError(
      `The trainer ${job.module} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      {
        hint: 'Fix the error in the trainer module; its stack is above.',
      },
    );
  }
  // A trainer that caught the refusal and went on still diverged.
  const divergence = state.divergence();
  if (divergence) throw divergence;
  const notFollowed = state.resumeNotFollowed();
  if (notFollowed) throw notFollowed;
  if (state.linesLogged() === 0) {
    throw new ReproError(`The trainer ${job.module} finished without logging any metrics`, {
      hint: 'Call ctx.log(step, { train: { loss } }) at each step; repro-check compares those series.',
    });
  }
  const cpuUsed = process.cpuUsage(cpuAtStart);
  const training = {
    wallSeconds: (performance.now() - startedAt) / 1000,
    cpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6,
  };
  return { ok: true, backend: backend.info, training, checkpoints: state.checkpoints(), warnings: mathRandomUse() };
}

function stateDir(job: TrainerJob): string {
  // The context only asks for state files in a leg of a resume audit, where the job names the folder.
  if (job.resume === null) throw new Error('no resume state folder: the job is not a leg of a resume audit');
  return job.resume.stateDir;
}

/** tfjs-core's words when no kernel is registered for an op on the active backend. */
const MISSING_KERNEL = /Kernel '(\w+)' not registered for backend '(\w+)'/;

/** The bundled backends; the two environment switches exist for the tests and the bench. */
function bundledBackends(): BundledBackends {
  return {
    importTf: () => importCommonJs<Tf>(import('@tensorflow/tfjs')),
    importWasm: () => importCommonJs<WasmBackendModule>(import('@tensorflow/tfjs-backend-wasm')),
    wasmDir: wasmBinaryDir(import.meta.url, () =>
      createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'),
    ),
    wasmSimd: process.env.REPRO_WASM_SIMD !== '0',
    fastCpuKernels: process.env.REPRO_CPU_KERNELS !== 'stock',
  };
}

/** The tfjs packages are CommonJS for Node: their exports are the namespace's default, bundled or not. */
async function importCommonJs<T>(loading: Promise<unknown>): Promise<T> {
  const namespace = (await loading) as T & { default?: T };
  return namespace.default ?? namespace;
}

async function importTrainer(module: string): Promise<TrainFunction> {
  let loaded: { default?: unknown };
  try {
    loaded =
      module === 'builtin:smoke'
        ? await import('./smoke.ts')
        : ((await import(pathToFileURL(module).href)) as { default?: unknown });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      // Node's own message names the extension but not what would work instead.
      throw new ReproError(
        `Node ${process.versions.node} cannot load the trainer module ${module}: it does not know the file extension ${path.extname(module) || '(none)'}`,
        {
          hint: 'trainer.module must be a .js or .mjs ES module (or .ts on Node 22.6 or later).',
        },
      );
    }
    throw new ReproError(
      `Could not load the trainer module ${module}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  if (typeof loaded.default !== 'function') {
    throw new ReproError(`The trainer module ${module} has no default export function`, {
      hint: 'Export `export default async function train(ctx) { ... }`.',
    });
  }
  return loaded.default as TrainFunction;
}

/**
 * Math.random must not make a run unrepeatable. We replace it with a generator seeded from the
 * run's seed (so a trainer that calls it still repeats bit for bit) and report where it was
 * first called, so the author can move to ctx.random. Returns the warnings to report.
 */
function guardMathRandom(seed: number): () => string[] {
  const standIn = createRandom((seed ^ 0x5bd1e995) >>> 0);
  let calls = 0;
  let firstCaller = '';
  Math.random = () => {
    if (calls++ === 0) firstCaller = new Error().stack?.split('\n')[2]?.trim() ?? 'unknown';
    return standIn.uniform();
  };
  return () =>
    calls === 0
      ? []
      : [
          `The trainer called Math.random ${calls} time(s), first ${firstCaller}; repro-check replaced it with a generator seeded from the run's seed, so runs still repeat, but use ctx.random (seeded, shared with the data and batch order) instead.`,
        ];
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? 'null') as TrainerJob;
  let result: TrainerResult;
  try {
    result = await runJob(job);
  } catch (error) {
    result =
      error instanceof ReproError
        ? { ok: false, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
        : {
            ok: false,
            message: `The trainer worker failed: ${error instanceof Error ? error.message : String(error)}`,
            ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
          };
  }
  writeFileSync(path.join(job.outDir, TRAINER_RESULT_FILE), `${JSON.stringify(result, null, 2)}\n`);
  // Leftover tfjs timers or native threads must not keep a finished run alive.
  process.exit(result.ok ? 0 : 2);
}

await main();
