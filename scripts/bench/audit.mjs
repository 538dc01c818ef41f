// Figures of the σ gate and the audit (issue 14), printed by `npm run bench gate audit-overhead`.
// Everything is measured on real trainings: test/fixtures/training/sgd.mjs, one child process per
// seed. Calibration is honest: each resample draws 8 band seeds at random and tests the gate on
// the seeds it did not see.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SGD = path.join(ROOT, 'test/fixtures/training/sgd.mjs');

/** A seeded generator for the resampling (mulberry32), so that the figures repeat run to run. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

async function sweep(seeds, env = {}) {
  const { parseMetricText } = await tsImport('../../src/metrics/parse.ts', import.meta.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-bench-sweep-'));
  try {
    return seeds.map((seed) => {
      execFileSync(process.execPath, [SGD], {
        env: { PATH: process.env.PATH, REPRO_SEED: String(seed), REPRO_OUT_DIR: dir, ...env },
      });
      const file = path.join(dir, 'metrics.jsonl');
      return parseMetricText(readFileSync(file, 'utf8'), file);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const std = (xs) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
};

/** Scales a metric by exp(shift) (a shift of `shift` on the log scale the gate uses for losses). */
function shifted(run, metric, shift) {
  const series = new Map(run.series);
  const finals = new Map(run.finals);
  if (series.has(metric)) {
    const s = series.get(metric);
    series.set(metric, { steps: s.steps, values: s.values.map((v) => v * Math.exp(shift)) });
  }
  if (finals.has(metric)) finals.set(metric, finals.get(metric) * Math.exp(shift));
  return { series, finals, notes: [] };
}

export async function benchGate() {
  const { sigmaGate, leaveOneOut } = await tsImport('../../src/stats/sigma-gate.ts', import.meta.url);
  const POOL = 48;
  const BAND = 8;
  const RESAMPLES = 40;
  const pool = await sweep(Array.from({ length: POOL }, (_, i) => 1000 + i));
  const doubled = await sweep(
    Array.from({ length: 16 }, (_, i) => 5000 + i),
    { TRAIN_LR: '1' },
  );
  const tenPercent = await sweep(
    Array.from({ length: 16 }, (_, i) => 5000 + i),
    { TRAIN_LR: '0.55' },
  );
  const floor = () => ({ rtol: 1e-5, atol: 1e-8, exact: false });
  const gate = (threshold, window, include = []) => ({
    threshold,
    window,
    logScale: ['*loss*'],
    floor,
    ignore: [],
    include,
  });
  const random = generator(14);
  const draws = Array.from({ length: RESAMPLES }, () => {
    const order = pool.map((_, i) => i).sort(() => random() - 0.5);
    return { band: order.slice(0, BAND).map((i) => pool[i]), held: order.slice(BAND).map((i) => pool[i]) };
  });
  const alarmRate = (options, transform = (run) => run) => {
    let alarms = 0;
    let trials = 0;
    for (const { band, held } of draws)
      for (const run of held) {
        trials++;
        if (sigmaGate(band, transform(run), options).status === 'drift') alarms++;
      }
    return alarms / trials;
  };
  const lines = [];
  const heldOut = POOL - BAND;
  for (const [label, options] of [
    ['sigma 4, windows of 20 + final', gate({ sigma: 4 }, 20)],
    ['false-alarm-rate 0.01, windows of 20 + final', gate({ falseAlarmRate: 0.01 }, 20)],
    ['naive per-step band, sigma 4 (window 1)', gate({ sigma: 4 }, 1)],
  ]) {
    const loo = draws.map(({ band }) => leaveOneOut(band, options).rate);
    lines.push(
      `gate false alarms, ${label}: ${(100 * alarmRate(options)).toFixed(2)}% of ${RESAMPLES}x${heldOut} held-out same-code runs (band of ${BAND} seeds drawn from ${POOL}); leave-one-out estimate ${((100 * loo.reduce((a, b) => a + b, 0)) / loo.length).toFixed(1)}%`,
    );
  }
  // Sensitivity: the smallest shift, in units of the pool's seed-to-seed σ (log scale), caught
  // in 90% of trials by the gate at a nominal 1% false-alarm rate per metric.
  const sigmaFinal = std(pool.map((r) => Math.log(r.finals.get('eval.loss'))));
  const trainLoss = pool.map((r) => r.series.get('train.loss').values.map(Math.log));
  const windowSigmas = [];
  for (let start = 0; start + 20 <= trainLoss[0].length; start++)
    windowSigmas.push(std(trainLoss.map((v) => v.slice(start, start + 20).reduce((a, b) => a + b, 0) / 20)));
  const sigmaWindow = windowSigmas.reduce((a, b) => a + b, 0) / windowSigmas.length;
  for (const [label, metric, sigma] of [
    ['final value (eval.loss)', 'eval.loss', sigmaFinal],
    ['windowed curve (train.loss, W = 20)', 'train.loss', sigmaWindow],
  ]) {
    const options = gate({ falseAlarmRate: 0.01 }, 20, [metric]);
    const falseAlarms = alarmRate(options);
    let caughtAt = null;
    for (let delta = 0.25; delta <= 12 && caughtAt === null; delta += 0.25)
      if (alarmRate(options, (run) => shifted(run, metric, delta * sigma)) >= 0.9) caughtAt = delta;
    lines.push(
      `gate sensitivity, ${label}: a shift of ${caughtAt === null ? '> 12' : caughtAt.toFixed(2)}σ is caught in ≥ 90% of trials at ${(100 * falseAlarms).toFixed(2)}% false alarms (nominal 1%)`,
    );
  }
  // Real changes: a doubled and a 10% higher learning rate, against bands of the same pool.
  const caught = (runs) => {
    let n = 0;
    let trials = 0;
    for (const { band } of draws)
      for (const run of runs) {
        trials++;
        if (sigmaGate(band, run, gate({ sigma: 4 }, 20)).status === 'drift') n++;
      }
    return n / trials;
  };
  const meanLog = (runs) => runs.reduce((a, r) => a + Math.log(r.finals.get('eval.loss')), 0) / runs.length;
  lines.push(
    `doubled learning rate: caught in ${(100 * caught(doubled)).toFixed(0)}% of ${RESAMPLES}x${doubled.length} trials (sigma 4); final eval loss moved ${((meanLog(doubled) - meanLog(pool)) / sigmaFinal).toFixed(1)}σ`,
  );
  lines.push(
    `learning rate +10%: caught in ${(100 * caught(tenPercent)).toFixed(0)}% of trials; final eval loss moved ${((meanLog(tenPercent) - meanLog(pool)) / sigmaFinal).toFixed(2)}σ`,
  );
  return lines;
}

/**
 * The Python the audit's probe should read: one with torch when this machine has one (BENCH_PYTHON,
 * python3 on PATH, /usr/bin/python3), since importing torch is most of the probe's cost; else python3.
 */
function probedPython() {
  for (const candidate of [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean))
    if (spawnSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0)
      return { python: candidate, torch: true };
  return { python: 'python3', torch: false };
}

/** The audit's own cost beyond its trainings: `repro-check audit --runs 2 --seeds 2` on a ~8 s training of 300 logged steps. */
export async function benchAuditOverhead() {
  const probed = probedPython();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-bench-audit-'));
  const temp = mkdtempSync(path.join(os.tmpdir(), 'repro-bench-audit-temp-'));
  try {
    const git = (...args) =>
      execFileSync(
        'git',
        ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: dir },
      );
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'train.mjs'), readFileSync(SGD, 'utf8'));
    writeFileSync(
      path.join(dir, 'repro.yml'),
      `command: TRAIN_STEPS=300 TRAIN_STEP_MS=25 node train.mjs\nmetrics: "{out}/metrics.jsonl"\nseed: 3\npython: ${probed.python}\n`,
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'bench');
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/cli.js'), 'audit', '--runs', '2', '--seeds', '2', '--format', 'json'],
      { cwd: dir, env: { ...process.env, RUNNER_TEMP: temp }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.status !== 0) throw new Error(`audit exited ${result.status}: ${result.stderr.slice(-2000)}`);
    const json = JSON.parse(result.stdout);
    return {
      wallMs: json.wallMs,
      trainingMs: json.trainingMs,
      overhead: (json.wallMs - json.trainingMs) / json.wallMs,
      probed: `${probed.python}${probed.torch ? ' (with torch)' : ' (no torch found: the probe is cheaper than on an ML machine)'}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  }
}
