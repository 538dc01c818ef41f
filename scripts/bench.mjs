// `npm run bench`: speed targets as ratios against a reference measured in the same run
// (these machines are shared and noisy, so absolute times mean little). Prints one line per
// target with the ratio, the limit, and ok/OVER; exits 1 when a target is over its limit.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const results = [];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeCommand(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function report(name, ratio, limit, detail) {
  const ok = ratio <= limit;
  results.push(ok);
  console.log(`${name}: ${ratio.toFixed(2)}x (limit ${limit}x) ${ok ? 'ok' : 'OVER'} — ${detail}`);
}

if (wanted('cold-start')) {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
  // Interleave the two so that load on the machine hits both alike.
  const base = [];
  const cli = [];
  for (let i = 0; i < 7; i++) {
    base.push(timeCommand(['-e', '0'], 1));
    cli.push(timeCommand(['dist/cli.js', '--version'], 1));
  }
  report(
    'cold start `repro-check --version` vs `node -e 0`',
    median(cli) / median(base),
    3,
    `${median(cli).toFixed(0)} ms vs ${median(base).toFixed(0)} ms (median of 7)`,
  );
}

if (wanted('compare')) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-bench-'));
  try {
    const metrics = 100;
    const steps = 10_000;
    const lines = (offset) => {
      const out = [];
      for (let step = 0; step < steps; step++) {
        const row = { step };
        for (let m = 0; m < metrics; m++)
          row[`group${m % 10}`] = {
            ...(row[`group${m % 10}`] ?? {}),
            [`metric_${m}`]: Math.sin(step * 0.001 + m) + offset * (step > 5000 ? 1e-6 : 0),
          };
        out.push(JSON.stringify(row));
      }
      return out.join('\n') + '\n';
    };
    const baselineFile = path.join(dir, 'baseline.jsonl');
    const currentFile = path.join(dir, 'current.jsonl');
    await writeFile(baselineFile, lines(0));
    await writeFile(currentFile, lines(1));
    const { readComparable } = await tsImport('../src/record/baseline-store.ts', import.meta.url);
    const { compareMetrics } = await tsImport('../src/compare/compare.ts', import.meta.url);
    const { TolerancePicker, DEFAULT_TOLERANCE } = await tsImport('../src/compare/tolerance.ts', import.meta.url);
    const { DEFAULT_IGNORED_METRICS } = await tsImport('../src/settings/schema.ts', import.meta.url);

    const bareLoop = async () => {
      let count = 0;
      for (const file of [baselineFile, currentFile]) {
        const text = await readFile(file, 'utf8');
        for (const line of text.split('\n')) if (line) count += Object.keys(JSON.parse(line)).length;
      }
      return count;
    };
    const fullCompare = async () => {
      const [a, b] = [readComparable(baselineFile), readComparable(currentFile)];
      return compareMetrics(a, b, {
        tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
        include: [],
        ignore: DEFAULT_IGNORED_METRICS,
      }).metrics.length;
    };
    const bare = [];
    const ours = [];
    await bareLoop();
    await fullCompare();
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      await bareLoop();
      bare.push(performance.now() - start);
      start = performance.now();
      await fullCompare();
      ours.push(performance.now() - start);
    }
    report(
      'compare of two JSONL logs (100 metrics x 10,000 steps) vs a bare JSON.parse loop',
      median(ours) / median(bare),
      2,
      `${median(ours).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms (median of 5)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (wanted('tensorboard')) {
  const { benchTensorBoard } = await import('./bench/tensorboard.mjs');
  const tb = await benchTensorBoard();
  const ok = tb.ratio >= 0.25;
  results.push(ok);
  console.log(
    `read a ${tb.megabytes.toFixed(0)} MB TensorBoard event file (${tb.values.toLocaleString('en')} scalars): ${tb.oursMBs.toFixed(1)} MB/s, ` +
      `${tb.ratio.toFixed(3)}x fs.readFile's ${tb.floorMBs.toFixed(0)} MB/s (target >= 0.25x) ${ok ? 'ok' : 'UNDER'} (median of 3)`,
  );
}

if (wanted('checkpoints')) {
  const { benchCheckpoints } = await import('./bench/checkpoints.mjs');
  await benchCheckpoints(report);
}

if (wanted('hostile-inputs')) {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
  const { benchHostileInputs } = await import('./bench/hostile-inputs.mjs');
  await benchHostileInputs(report);
}

if (wanted('reports')) {
  const { benchReports } = await import('./bench/reports.mjs');
  const reports = await benchReports();
  report(reports.name, reports.ratio, 2, reports.detail);
}

if (wanted('jsonl-large')) {
  const { benchLargeJsonl } = await import('./bench/jsonl-large.mjs');
  const steps = Number(process.env.REPRO_BENCH_JSONL_STEPS ?? 1_000_000);
  const result = await benchLargeJsonl({ steps, metrics: 50 });
  if (result.skipped) console.log(`compare of two large JSONL logs: ${result.skipped}`);
  else {
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    const size = `${result.steps.toLocaleString('en')} steps x ${result.metrics} metrics, ${mb(result.bytes)} each`;
    if (result.reference) {
      report(
        `compare of two JSONL logs (${size}) vs numpy (json.loads + np.allclose)`,
        result.ours.seconds / result.reference.seconds,
        0.6,
        `${result.ours.seconds.toFixed(1)} s vs ${result.reference.seconds.toFixed(1)} s; numpy's peak RSS ${mb(result.reference.rss)}`,
      );
    } else
      console.log(
        `compare of two JSONL logs (${size}): ${result.ours.seconds.toFixed(1)} s; numpy reference skipped: /usr/bin/python3 has no numpy`,
      );
    report(
      `peak RSS of that compare vs 2 x series bytes + 150 MB`,
      result.ours.rss / result.rssLimit,
      1,
      `${mb(result.ours.rss)} vs ${mb(result.rssLimit)} (series: ${mb(result.seriesBytes)}, 8 bytes a value)`,
    );
  }
}

if (wanted('trainer')) {
  const { benchTrainer } = await import('./bench-trainer.mjs');
  const trainer = await benchTrainer();
  for (const line of trainer.lines) console.log(line);
  for (const target of trainer.targets) report(target.name, target.ratio, target.limit, target.detail);
}

if (wanted('gate')) {
  const { benchGate } = await import('./bench/audit.mjs');
  for (const line of await benchGate()) console.log(line);
}

if (wanted('audit-overhead')) {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
  const { benchAuditOverhead } = await import('./bench/audit.mjs');
  const audit = await benchAuditOverhead();
  // The ratio here is the audit's wall time over the time inside its trainings (target: ≤ 1.05).
  report(
    'audit wall time vs its trainings (audit --runs 2 --seeds 2, ~8 s trainings of 300 steps)',
    audit.wallMs / audit.trainingMs,
    1.05,
    `${(audit.wallMs / 1000).toFixed(1)} s vs ${(audit.trainingMs / 1000).toFixed(1)} s training: overhead ${(100 * audit.overhead).toFixed(1)}% of wall time; probe of ${audit.probed}`,
  );
}

process.exit(results.every(Boolean) ? 0 : 1);
