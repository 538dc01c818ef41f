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
  // Every run also logs eval.loss_sma (TRAIN_SMA): the held-out loss of the mean of its last 5
  // checkpoints, taken every 5 steps at a constant learning rate (checkpoint averaging).
  const SMA = { TRAIN_SMA: '5,5' };
  const pool = await sweep(
    Array.from({ length: POOL }, (_, i) => 1000 + i),
    SMA,
  );
  const doubled = await sweep(
    Array.from({ length: 16 }, (_, i) => 5000 + i),
    { ...SMA, TRAIN_LR: '1' },
  );
  const tenPercent = await sweep(
    Array.from({ length: 16 }, (_, i) => 5000 + i),
    { ...SMA, TRAIN_LR: '0.55' },
  );
  const floor = () => ({ rtol: 1e-5, atol: 1e-8, exact: false });
  // The gate over the metrics a plain run logs (the SMA metric is measured on its own, below).
  const gate = (threshold, window, include = []) => ({
    threshold,
    window,
    logScale: ['*loss*'],
    floor,
    ignore: include.length > 0 ? [] : ['eval.loss_sma'],
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
  const sigmaSma = std(pool.map((r) => Math.log(r.finals.get('eval.loss_sma'))));
  const trainLoss = pool.map((r) => r.series.get('train.loss').values.map(Math.log));
  const windowSigmas = [];
  for (let start = 0; start + 20 <= trainLoss[0].length; start++)
    windowSigmas.push(std(trainLoss.map((v) => v.slice(start, start + 20).reduce((a, b) => a + b, 0) / 20)));
  const sigmaWindow = windowSigmas.reduce((a, b) => a + b, 0) / windowSigmas.length;
  for (const [label, metric, sigma] of [
    ['final value (eval.loss)', 'eval.loss', sigmaFinal],
    ['windowed curve (train.loss, W = 20)', 'train.loss', sigmaWindow],
    ['SMA of the last 5 checkpoints (eval.loss_sma)', 'eval.loss_sma', sigmaSma],
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
  const meanLog = (runs, metric = 'eval.loss') =>
    runs.reduce((a, r) => a + Math.log(r.finals.get(metric)), 0) / runs.length;
  lines.push(
    `doubled learning rate: caught in ${(100 * caught(doubled)).toFixed(0)}% of ${RESAMPLES}x${doubled.length} trials (sigma 4); final eval loss moved ${((meanLog(doubled) - meanLog(pool)) / sigmaFinal).toFixed(1)}σ`,
  );
  lines.push(
    `learning rate +10%: caught in ${(100 * caught(tenPercent)).toFixed(0)}% of trials; final eval loss moved ${((meanLog(tenPercent) - meanLog(pool)) / sigmaFinal).toFixed(2)}σ`,
  );
  // Is the checkpoint-averaged metric a tighter gate? Averaging shrinks the seed noise, but it may
  // shrink (or grow) the effect of a real change too: compare shift/σ for known changes, and how
  // often a gate on that metric alone (false-alarm-rate 0.01) catches them.
  const caughtBy = (runs, metric) => {
    let n = 0;
    let trials = 0;
    for (const { band } of draws)
      for (const run of runs) {
        trials++;
        if (sigmaGate(band, run, gate({ falseAlarmRate: 0.01 }, 20, [metric])).status === 'drift') n++;
      }
    return n / trials;
  };
  lines.push(
    `checkpoint averaging: seed-to-seed σ (log scale) of the final eval loss ${sigmaFinal.toPrecision(3)}, of the SMA of the last 5 checkpoints ${sigmaSma.toPrecision(3)} (ratio SMA / final ${(sigmaSma / sigmaFinal).toFixed(2)})`,
  );
  for (const [label, metric, sigma] of [
    ['final eval.loss', 'eval.loss', sigmaFinal],
    ['eval.loss_sma (SMA of 5 checkpoints)', 'eval.loss_sma', sigmaSma],
  ])
    for (const [change, runs] of [
      ['learning rate +10%', tenPercent],
      ['doubled learning rate', doubled],
    ])
      lines.push(
        `${change}, ${label}: shift ${((meanLog(runs, metric) - meanLog(pool, metric)) / sigma).toFixed(2)}σ; caught by a gate on this metric alone (false-alarm-rate 0.01) in ${(100 * caughtBy(runs, metric)).toFixed(0)}% of ${RESAMPLES}x${runs.length} trials`,
      );
  lines.push(...(await benchCheckpointAveraging(sigmaGate)));
  return lines;
}

/**
 * The same questions on a real network: a small PyTorch CNN (scripts/bench/cnn_sma_sweep.py, CPU,
 * one thread) over 32 seeds, and 12 other seeds each with the learning rate +10% and doubled.
 * Both metrics are final values: the last model's held-out loss and the held-out loss of the
 * mean of its last 5 checkpoints. Bands of 8 drawn from the 32; tested on the 24 they did not see.
 */
async function benchCheckpointAveraging(sigmaGate) {
  const probed = probedPython();
  if (!probed.torch) return ['checkpoint averaging on a CNN: skipped (no Python with torch here; set BENCH_PYTHON)'];
  const script = path.join(ROOT, 'scripts/bench/cnn_sma_sweep.py');
  const sweepCnn = (lr, seeds) =>
    execFileSync(probed.python, [script, String(lr), ...seeds.map(String)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => {
        const run = JSON.parse(line);
        return {
          series: new Map(),
          finals: new Map([
            ['eval.loss', run.eval_loss],
            ['eval.loss_sma', run.eval_loss_sma],
          ]),
          notes: [],
        };
      });
  const BASE_LR = 0.05;
  const pool = sweepCnn(
    BASE_LR,
    Array.from({ length: 32 }, (_, i) => 100 + i),
  );
  const changed = Array.from({ length: 12 }, (_, i) => 900 + i);
  const changes = [
    ['learning rate +10%', sweepCnn(BASE_LR * 1.1, changed)],
    ['doubled learning rate', sweepCnn(BASE_LR * 2, changed)],
  ];
  const random = generator(15);
  const draws = Array.from({ length: 40 }, () => {
    const order = pool.map((_, i) => i).sort(() => random() - 0.5);
    return { band: order.slice(0, 8).map((i) => pool[i]), held: order.slice(8).map((i) => pool[i]) };
  });
  const options = (metric) => ({
    threshold: { falseAlarmRate: 0.01 },
    window: 20,
    logScale: ['*loss*'],
    floor: () => ({ rtol: 1e-5, atol: 1e-8, exact: false }),
    ignore: [],
    include: [metric],
  });
  const rate = (metric, runsOf) => {
    let alarms = 0;
    let trials = 0;
    for (const draw of draws)
      for (const run of runsOf(draw)) {
        trials++;
        if (sigmaGate(draw.band, run, options(metric)).status === 'drift') alarms++;
      }
    return alarms / trials;
  };
  const logs = (runs, metric) => runs.map((r) => Math.log(r.finals.get(metric)));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const lines = [];
  const sigmas = {};
  for (const [label, metric] of [
    ['final eval loss', 'eval.loss'],
    ['SMA of the last 5 checkpoints', 'eval.loss_sma'],
  ]) {
    const sigma = std(logs(pool, metric));
    sigmas[metric] = sigma;
    const falseAlarms = rate(metric, (d) => d.held);
    let caughtAt = null;
    for (let delta = 0.25; delta <= 12 && caughtAt === null; delta += 0.25)
      if (rate(metric, (d) => d.held.map((run) => shifted(run, metric, delta * sigma))) >= 0.9) caughtAt = delta;
    const effects = changes.map(([change, runs]) => {
      const shift = (mean(logs(runs, metric)) - mean(logs(pool, metric))) / sigma;
      return `${change} moved it ${shift.toFixed(2)}σ and was caught in ${(100 * rate(metric, () => runs)).toFixed(0)}% of 40x${runs.length} trials`;
    });
    lines.push(
      `CNN, ${label} (σ ${sigma.toPrecision(3)} on the log scale): a shift of ${caughtAt === null ? '> 12' : caughtAt.toFixed(2)}σ is caught in ≥ 90% of trials at ${(100 * falseAlarms).toFixed(2)}% false alarms (nominal 1%); ${effects.join('; ')}`,
    );
  }
  lines.push(
    `CNN, checkpoint averaging: σ of the SMA metric / σ of the final value = ${(sigmas['eval.loss_sma'] / sigmas['eval.loss']).toFixed(2)} (32 seeds, log scale)`,
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
