/**
 * Fuzz property of `repro-check compare` as users run it (the bundled dist/cli.js, fast-check with
 * a fixed seed): any two files end in exit 0, 1 or 2, with no stack trace, within 10 s, and within a
 * 1 GiB heap (node is started with --max-old-space-size=1024, so a run needing more aborts instead).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { PACKAGE_ROOT } from '../e2e/action-harness.ts';
import { fuzzParameters, MAX_MS_PER_INPUT, metricFileText } from '../support/fuzz.ts';

const CLI = path.join(PACKAGE_ROOT, 'dist/cli.js');

/** Inputs of the kinds that once crashed or blew up (hardening cases 01 and 03), made here rather than stored. */
const HOSTILE_FILES: Record<string, () => string> = {
  deepArrays: () => '['.repeat(10_000) + ']'.repeat(10_000),
  wideLine: () => JSON.stringify({ step: 1, v: Array.from({ length: 1_000_000 }, (_, i) => i % 10) }),
  manyKeys: () =>
    JSON.stringify({ step: 1, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) }),
  longSeries: () =>
    Array.from({ length: 200_000 }, (_, step) => `{"step": ${step}, "loss": ${1 / (step + 1)}}`).join('\n'),
};

function runCompare(
  cwd: string,
  args: string[],
): Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--max-old-space-size=1024', CLI, 'compare', ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), MAX_MS_PER_INPUT * 2);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

test('compare on random file pairs: exit 0/1/2 only, no stack trace, bounded time and memory', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-fuzz-compare-'));
  try {
    const fileText = fc.oneof(
      { arbitrary: metricFileText, weight: 6 },
      { arbitrary: fc.constantFrom(...Object.keys(HOSTILE_FILES)).map((name) => HOSTILE_FILES[name]!()), weight: 1 },
    );
    const flags = fc.subarray(['--exact', '--format', 'json', '--rtol', '0.1', '--metric', 'l*'], { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fileText, fileText, flags, async (baseline, current, extra) => {
        await writeFile(path.join(dir, 'baseline.jsonl'), baseline);
        await writeFile(path.join(dir, 'current.jsonl'), current);
        // Flags are only taken whole (--format json, --rtol 0.1): a lone value would be a usage error, which is exit 2 as well.
        const run = await runCompare(dir, ['baseline.jsonl', 'current.jsonl', ...extra]);
        assert.ok(
          run.code === 0 || run.code === 1 || run.code === 2,
          `exit ${run.code} (signal ${run.signal}): ${run.stderr.slice(0, 2000)}`,
        );
        assert.doesNotMatch(run.stderr, /^\s+at .+[:(]/m, 'a stack trace');
        assert.ok(run.ms < MAX_MS_PER_INPUT, `took ${run.ms} ms`);
      }),
      fuzzParameters(20),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
