// Benchmark of the built-in trainer (issue 5), for scripts/bench.mjs: builtin:smoke, 200 steps,
// pure JavaScript CPU backend, each run a fresh worker process as in `check`. Wall time includes
// the worker's start (Node + tfjs load), as a user waits for it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const STEPS = 200;

export async function benchSmoke() {
  const { runTrainer } = await tsImport('../src/trainer/run-trainer.ts', import.meta.url);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-trainer-'));
  const timeRun = async (strictDeterminism, name) => {
    const started = performance.now();
    const run = await runTrainer({
      module: 'builtin:smoke',
      backend: 'cpu',
      steps: STEPS,
      checkpointEvery: 20,
      seed: 1234,
      strictDeterminism,
      installBackend: false,
      outDir: path.join(dir, name),
      cwd: dir,
      timeoutMs: 600_000,
      env: process.env,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, stepsPerSecond: STEPS / seconds, backend: run.backend };
  };
  try {
    const strict = await timeRun(true, 'strict');
    const relaxed = await timeRun(false, 'relaxed');
    return {
      name: 'builtin:smoke (200 steps, CPU backend)',
      backend: `${strict.backend.name} ${strict.backend.version} on ${strict.backend.device}`,
      wallSeconds: strict.seconds,
      stepsPerSecond: strict.stepsPerSecond,
      relaxedStepsPerSecond: relaxed.stepsPerSecond,
      // Below 1 when strict determinism costs speed; the pure JS backend ignores TF's switches.
      strictOverRelaxedStepsPerSecond: strict.stepsPerSecond / relaxed.stepsPerSecond,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchSmoke(), null, 2));
