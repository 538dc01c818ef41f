import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from '../../src/metrics/glob-files.ts';

/** Runs BODY with a fresh folder under the OS temp folder (named PREFIX…), removed afterwards whatever happens. */
export async function withTempDir<T>(prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Sets every file below DIR to have been written MS milliseconds ago (a log left by an earlier run). */
export async function backdateFiles(dir: string, ms: number): Promise<void> {
  const when = new Date(Date.now() - ms);
  for (const file of listFiles(dir, '', () => true)) await utimes(path.join(dir, file), when, when);
}
