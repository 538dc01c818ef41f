// `npm run bench jsonl-large`: two large JSONL logs (STEPS lines x METRICS metrics; by default
// 1,000,000 x 50, about 1 GB each) compared by the built CLI, against the numpy reference
// (numpy_reference.py: json.loads per line + np.allclose per metric). Prints the time ratio
// (target <= 0.6x) and the CLI's peak RSS against 2 x the series' bytes + 150 MB (the series'
// bytes: 8 bytes a value, both files). The size is a parameter:
//   REPRO_BENCH_JSONL_STEPS=100000 npm run bench jsonl-large
// Also checks the verdict: one metric drifts, from 60% of the steps on.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

/** Writes STEPS lines of {"step": s, "m00": v, …}; the current log nudges m07 from `driftFrom` on. */
async function writeLog(file, steps, metrics, driftFrom) {
  const out = createWriteStream(file);
  const names = Array.from({ length: metrics }, (_, m) => `"m${String(m).padStart(2, '0')}":`);
  let chunk = '';
  for (let step = 0; step < steps; step++) {
    let line = `{"step":${step}`;
    for (let m = 0; m < metrics; m++) {
      let value = Math.sin(step * 0.001 + m) * 0.5 + 1;
      if (m === 7 && driftFrom !== null && step >= driftFrom) value += 1e-3;
      line += `,${names[m]}${value.toPrecision(11)}`;
    }
    chunk += `${line}}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Runs a command under /usr/bin/time: wall seconds, peak RSS in bytes, stdout, exit code. */
function timed(command, args) {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - start) / 1000;
  const rss = Number(/maxrss-kb (\d+)/.exec(result.stderr)?.[1] ?? NaN) * 1024;
  return { seconds, rss, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export async function benchLargeJsonl({ steps, metrics }) {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first');
  if (!existsSync('/usr/bin/time')) return { skipped: 'skipped: /usr/bin/time (to measure peak RSS) is not installed' };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-bench-jsonl-'));
  try {
    const baseline = path.join(dir, 'baseline.jsonl');
    const current = path.join(dir, 'current.jsonl');
    const driftFrom = Math.floor(steps * 0.6);
    await writeLog(baseline, steps, metrics, null);
    await writeLog(current, steps, metrics, driftFrom);
    const bytes = (await stat(baseline)).size;
    const ours = timed(process.execPath, ['dist/cli.js', 'compare', baseline, current, '--format', 'json']);
    if (ours.status !== 1)
      throw new Error(`compare exited ${ours.status}, expected 1 (drift): ${ours.stderr.slice(0, 500)}`);
    const verdict = JSON.parse(ours.stdout);
    const drifted = verdict.metrics.filter((m) => m.status !== 'pass').map((m) => [m.name, m.firstDivergentStep]);
    if (JSON.stringify(drifted) !== JSON.stringify([['m07', driftFrom]]))
      throw new Error(`wrong verdict: ${JSON.stringify(drifted)}`);
    const seriesBytes = 2 * steps * metrics * 8;
    const rssLimit = 2 * seriesBytes + 150 * 2 ** 20;
    const numpyAvailable = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
    const reference = numpyAvailable ? timed(PYTHON, [path.join(here, 'numpy_reference.py'), baseline, current]) : null;
    if (reference && reference.stdout.trim() !== '1 metrics differ')
      throw new Error(`numpy reference: ${reference.stdout}${reference.stderr}`);
    return { steps, metrics, bytes, ours, reference, seriesBytes, rssLimit };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
