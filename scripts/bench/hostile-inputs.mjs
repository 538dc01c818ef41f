// Bounded work on hostile inputs (issue 12, hardening case 03), as ratios against a reference
// measured in the same run: `compare` of a 3 MB JSONL line holding 1,000,000 numbers against a
// child that only JSON.parses the same files (time and peak memory), and settings validation of
// 40,000 vs 20,000 unknown keys (linear: about 2x).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

/** Runs SCRIPT (ESM, given ARGS as process.argv[2..]) in a fresh node; returns wall ms and its peak RSS in KiB. */
function measureChild(script, args) {
  const report =
    "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));";
  const start = process.hrtime.bigint();
  // Under -e, process.argv is [node, ...args]: a placeholder stands where a script path would be.
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `${report}\n${script}`, '--', 'script', ...args],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(/PEAK_RSS_KB (\d+)/.exec(child.stderr)?.[1]);
  if (!rss) throw new Error(`no memory figure: exit ${child.status}\n${child.stderr.slice(-2000)}`);
  return { ms, rss, status: child.status };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchHostileInputs(report) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-bench-hostile-'));
  try {
    const wide = path.join(dir, 'w1M.jsonl');
    await writeFile(
      wide,
      JSON.stringify({ step: 1, loss: 0.5, v: Array.from({ length: 1_000_000 }, (_, i) => i % 10) }) + '\n',
    );
    const cli = path.resolve('dist/cli.js');
    const ours = `await import(${JSON.stringify(cli)});`;
    const reference = `import { readFileSync } from 'node:fs'; for (const f of process.argv.slice(2, 4)) JSON.parse(readFileSync(f, 'utf8'));`;
    const oursRuns = [];
    const referenceRuns = [];
    for (let i = 0; i < 3; i++) {
      referenceRuns.push(measureChild(reference, [wide, wide]));
      const run = measureChild(ours, ['compare', wide, wide, '--format', 'json']);
      if (run.status !== 0) throw new Error(`compare exited ${run.status}`);
      oursRuns.push(run);
    }
    const [oursMs, refMs] = [median(oursRuns.map((r) => r.ms)), median(referenceRuns.map((r) => r.ms))];
    const [oursRss, refRss] = [median(oursRuns.map((r) => r.rss)), median(referenceRuns.map((r) => r.rss))];
    report(
      'compare of one 3 MB line of 1,000,000 numbers (--format json), time vs JSON.parse of both files',
      oursMs / refMs,
      5,
      `${oursMs.toFixed(0)} ms vs ${refMs.toFixed(0)} ms (median of 3)`,
    );
    report(
      '… its peak memory vs JSON.parse of both files',
      oursRss / refRss,
      3,
      `${(oursRss / 1024).toFixed(0)} MiB vs ${(refRss / 1024).toFixed(0)} MiB`,
    );

    const { loadSettings } = await tsImport('../../src/settings/load.ts', import.meta.url);
    const settingsText = (keys) =>
      `command: a\nmetrics: m\n${Array.from({ length: keys }, (_, i) => `unknown${i}: 1`).join('\n')}\n`;
    const timeLoad = (text) => {
      const start = performance.now();
      try {
        loadSettings({ file: { path: 'repro.yml', text }, overrides: [] });
      } catch {
        // Refused, as it should be: only the time counts here.
      }
      return performance.now() - start;
    };
    const [small, large] = [settingsText(20_000), settingsText(40_000)];
    timeLoad(small);
    const smallMs = median([timeLoad(small), timeLoad(small), timeLoad(small)]);
    const largeMs = median([timeLoad(large), timeLoad(large), timeLoad(large)]);
    report(
      'settings validation of 40,000 unknown keys vs 20,000 (linear is 2x)',
      largeMs / smallMs,
      3,
      `${largeMs.toFixed(0)} ms vs ${smallMs.toFixed(0)} ms (median of 3)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
