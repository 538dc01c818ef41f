// Benchmark of the built-in trainer (issues 5 and 17), for scripts/bench.mjs: builtin:smoke,
// 200 steps, each run a fresh bundled worker process (dist/trainer-worker.js, as `check` starts
// it), rounds interleaved so that load on the (shared) machine hits every contender alike;
// medians of the rounds.
//
// Times are CPU seconds (the worker's own process.cpuUsage() around train(), or the children's
// CPU time from /proc/self/stat for whole processes): on a machine shared with other jobs, wall
// time measures the neighbours. Wall seconds are printed beside them. The trainer and PyTorch
// run one thread of work each way that matters here (tfjs under Node has no threads; PyTorch's
// intra-op pool is left at its default).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const STEPS = 200;
const ROUNDS = 3;
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PYTHON = '/usr/bin/python3';
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds of this process's waited-for children so far (cutime + cstime, Linux). */
function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), counted from 1; the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

async function measured(body) {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const value = await body();
  return { value, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function torchMissing() {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `${PYTHON} cannot import torch (${probe.stderr.trim().split('\n').pop()})`;
}

/**
 * Returns { targets: [{ name, ratio, limit, detail }], lines: [string] }: each target a ratio
 * that must stay at or under its limit, and informative lines (steps/s per backend).
 */
export async function benchTrainer() {
  const worker = path.join(ROOT, 'dist/trainer-worker.js');
  if (!existsSync(worker)) throw new Error('dist/trainer-worker.js is missing: run npm run build first');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-trainer-'));
  let runCount = 0;
  // The worker's own protocol (src/trainer/job.ts): the job as one JSON argument, the result in trainer-result.json.
  const train = (backend, env = {}, strictDeterminism = true) => {
    const outDir = path.join(dir, `run-${runCount++}`);
    const job = {
      module: 'builtin:smoke',
      backend,
      seed: 1234,
      steps: STEPS,
      checkpointEvery: STEPS,
      strictDeterminism,
      outDir,
      backendSearchDirs: [ROOT],
      options: {},
    };
    return measured(async () => {
      const child = spawnSync(process.execPath, [worker, JSON.stringify(job)], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      const result = JSON.parse(await readFile(path.join(outDir, 'trainer-result.json'), 'utf8'));
      if (child.status !== 0 || !result.ok)
        throw new Error(`the ${backend} trainer failed: ${result.message ?? child.stderr}`);
      const checkpoint = await readFile(path.join(outDir, result.checkpoints.at(-1).path));
      return {
        ...result,
        fingerprint: `${await readFile(path.join(outDir, 'metrics.jsonl'), 'utf8')}${checkpoint.toString('base64')}`,
      };
    });
  };
  const noTorch = torchMissing();
  const readmeProject = await prepareReadmeProject(dir);

  const samples = { wasm: [], cpu: [], stock: [], torch: [], readme: [] };
  let identical = true;
  const nativeLines = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      samples.wasm.push(await train('wasm'));
      const cpu = await train('cpu');
      const stock = await train('cpu', { REPRO_CPU_KERNELS: 'stock' });
      if (cpu.value.fingerprint !== stock.value.fingerprint) identical = false;
      samples.cpu.push(cpu);
      samples.stock.push(stock);
      if (!noTorch) {
        samples.torch.push(
          await measured(() => {
            const result = spawnSync(PYTHON, [path.join(ROOT, 'scripts/bench/smoke_cnn.py'), String(STEPS)], {
              encoding: 'utf8',
            });
            if (result.status !== 0) throw new Error(`smoke_cnn.py failed: ${result.stderr}`);
            return JSON.parse(result.stdout);
          }),
        );
      }
      if (readmeProject) {
        samples.readme.push(
          await measured(() => {
            const result = spawnSync(
              process.execPath,
              ['dist/cli.js', 'check', '--config', 'examples/smoke/repro.yml'],
              { cwd: readmeProject, encoding: 'utf8', env: { ...process.env, RUNNER_TEMP: dir } },
            );
            if (result.status !== 0)
              throw new Error(`the README's first command exited ${result.status}: ${result.stdout}${result.stderr}`);
          }),
        );
      }
    }
    // Strict determinism only switches native TensorFlow: measured where a native backend is installed.
    const { resolveNativePackage } = await tsImport('../src/trainer/backend.ts', import.meta.url);
    const native = ['tensorflow-gpu', 'tensorflow'].find((backend) => resolveNativePackage(backend, [ROOT]) !== null);
    if (native) {
      const strict = await train(native, {}, true);
      const relaxed = await train(native, {}, false);
      nativeLines.push(
        `strict-determinism cost on ${strict.value.backend.name}: ${(relaxed.value.training.cpuSeconds / strict.value.training.cpuSeconds).toFixed(2)}x the steps/s without it`,
      );
    } else {
      nativeLines.push(
        'strict-determinism cost: n/a (the flags only affect native TensorFlow; measured when @tensorflow/tfjs-node or tfjs-node-gpu is installed)',
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const trainingCpu = (runs) => median(runs.map((run) => run.value.training.cpuSeconds));
  const trainingWall = (runs) => median(runs.map((run) => run.value.training.wallSeconds));
  const processCpu = (runs) => median(runs.map((run) => run.cpuSeconds));
  const processWall = (runs) => median(runs.map((run) => run.wallSeconds));
  const [wasm, cpu, stock] = [samples.wasm, samples.cpu, samples.stock];
  const simd = wasm[0].value.backend.simd ? 'SIMD' : 'no SIMD';
  const targets = [];
  const lines = [];
  for (const [label, runs] of [
    [`wasm (${simd})`, wasm],
    ['cpu', cpu],
    ['cpu, stock tfjs kernels', stock],
  ]) {
    lines.push(
      `builtin:smoke ${STEPS} steps on ${label}: ${(STEPS / trainingCpu(runs)).toFixed(1)} steps/s of CPU time (${(STEPS / trainingWall(runs)).toFixed(1)} steps/s wall), training ${trainingCpu(runs).toFixed(2)} s CPU / ${trainingWall(runs).toFixed(2)} s wall, whole process ${processCpu(runs).toFixed(2)} s CPU / ${processWall(runs).toFixed(2)} s wall`,
    );
  }
  targets.push({
    name: `builtin:smoke training, wasm vs cpu with tfjs's stock kernels`,
    ratio: trainingCpu(wasm) / trainingCpu(stock),
    limit: 0.2,
    detail: `${trainingCpu(wasm).toFixed(2)} s vs ${trainingCpu(stock).toFixed(2)} s CPU (vs cpu with repro-check's kernels: ${(trainingCpu(wasm) / trainingCpu(cpu)).toFixed(2)}x)`,
  });
  targets.push({
    name: `builtin:smoke training, cpu with repro-check's kernels vs stock (${identical ? 'bit-identical' : 'NOT bit-identical'})`,
    ratio: identical ? trainingCpu(cpu) / trainingCpu(stock) : Infinity,
    limit: 0.7,
    detail: `${trainingCpu(cpu).toFixed(2)} s vs ${trainingCpu(stock).toFixed(2)} s CPU; metrics and final weights compared each round`,
  });
  if (noTorch) {
    lines.push(`builtin:smoke whole process, wasm vs the same CNN in PyTorch: skipped, ${noTorch}`);
  } else {
    const torchTraining = median(samples.torch.map((run) => run.value.training_seconds));
    targets.push({
      name: 'builtin:smoke whole process, wasm vs the same CNN in PyTorch on the CPU',
      ratio: processCpu(wasm) / processCpu(samples.torch),
      limit: 1.5,
      detail: `${processCpu(wasm).toFixed(2)} s vs ${processCpu(samples.torch).toFixed(2)} s CPU (wall ${processWall(wasm).toFixed(2)} vs ${processWall(samples.torch).toFixed(2)} s; PyTorch's training loop alone ${torchTraining.toFixed(2)} s wall)`,
    });
  }
  if (readmeProject) {
    targets.push({
      name: "the README's first command (check on examples/smoke), seconds of CPU against 1 s",
      ratio: processCpu(samples.readme),
      limit: 3,
      detail: `${processCpu(samples.readme).toFixed(2)} s CPU, ${processWall(samples.readme).toFixed(2)} s wall`,
    });
  } else {
    lines.push("the README's first command: skipped, dist/cli.js is missing (npm run build)");
  }

  return { targets, lines: [...lines, ...nativeLines] };
}

/** A clean git repository holding dist/ and examples/smoke, where the README's first command runs as a user runs it. */
async function prepareReadmeProject(dir) {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) return null;
  const project = path.join(dir, 'readme-project');
  await cp(path.join(ROOT, 'dist'), path.join(project, 'dist'), { recursive: true });
  await cp(path.join(ROOT, 'examples/smoke'), path.join(project, 'examples/smoke'), { recursive: true });
  await cp(path.join(ROOT, 'package-lock.json'), path.join(project, 'package-lock.json'));
  const git = (...args) =>
    spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: project });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  return project;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchTrainer(), null, 2));
