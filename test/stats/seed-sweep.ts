import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseMetricText } from '../../src/metrics/parse.ts';
import type { MetricData } from '../../src/metrics/series.ts';

export const SGD_SCRIPT = path.resolve(import.meta.dirname, '../fixtures/training/sgd.mjs');

/** Runs the real fixture training (test/fixtures/training/sgd.mjs) once per seed, in child processes. */
export function trainSeeds(seeds: number[], env: Record<string, string> = {}): MetricData[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-sweep-'));
  try {
    return seeds.map((seed) => {
      execFileSync(process.execPath, [SGD_SCRIPT], {
        env: { PATH: process.env.PATH, REPRO_SEED: String(seed), REPRO_OUT_DIR: dir, ...env },
      });
      const file = path.join(dir, 'metrics.jsonl');
      return parseMetricText(readFileSync(file, 'utf8'), file);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
