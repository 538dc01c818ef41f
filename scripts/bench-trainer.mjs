// Benchmark of the built-in trainer (issue 5), for scripts/bench.mjs: builtin:smoke, 200 steps,
// pure JavaScript CPU backend, each run a fresh worker process as in `check`. Wall time includes
// the worker's start (Node + tfjs load), as a user waits for it. The cost of strict determinism
// is measured only on a native backend: the pure JavaScript one has no switches to turn.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const STEPS = 200;

export async function benchSmoke() {
  const { runTrainer } = await tsImport('../src/trainer/run-trainer.ts', import.meta.url);
  const { resolveNativePackage } = await tsImport('../src/trainer/backend.ts', import.meta.url);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-trainer-'));
  const timeRun = async (backend, strictDeterminism, name) => {
    const started = performance.now();
    const run = await runTrainer({
      module: 'builtin:smoke',
      backend,
      steps: STEPS,
      checkpointEvery: 20,
      seed: 1234,
      strictDeterminism,
      installBackend: false,
      outDir: path.join(dir, name),
      cwd: process.cwd(),
      timeoutMs: 600_000,
      env: process.env,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, stepsPerSecond: STEPS / seconds, backend: `${run.backend.name} ${run.backend.version} on ${run.backend.device}` };
  };
  try {
    const cpu = await timeRun('cpu', true, 'cpu');
    // Where runTrainer looks for native packages: the project (here the cwd), then repro-check's own.
    const searchDirs = [process.cwd(), fileURLToPath(new URL('../src/trainer/', import.meta.url))];
    const native = ['tensorflow-gpu', 'tensorflow'].find((backend) => resolveNativePackage(backend, searchDirs) !== null);
    let determinismCost = null;
    if (native) {
      const strict = await timeRun(native, true, 'native-strict');
      const relaxed = await timeRun(native, false, 'native-relaxed');
      // Below 1 when strict determinism costs speed.
      determinismCost = { backend: strict.backend, strictStepsPerSecond: strict.stepsPerSecond, relaxedStepsPerSecond: relaxed.stepsPerSecond, ratio: strict.stepsPerSecond / relaxed.stepsPerSecond };
    }
    return {
      name: 'builtin:smoke (200 steps, CPU backend)',
      backend: cpu.backend,
      wallSeconds: cpu.seconds,
      stepsPerSecond: cpu.stepsPerSecond,
      determinismCost,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchSmoke(), null, 2));
