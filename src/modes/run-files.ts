import { randomBytes } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expandFileGlob } from '../metrics/glob-files.ts';

/** The per-run output folder given to the training as REPRO_OUT_DIR ({out} in paths). */
export async function createRunOutputDir(env: NodeJS.ProcessEnv): Promise<string> {
  const root = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'repro-check') : path.join(os.tmpdir(), 'repro-check');
  const dir = path.join(root, `run-${Date.now()}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** PATTERN with {out} replaced by the run's output folder. */
export function substituteOutDir(pattern: string, outDir: string): string {
  return pattern.replaceAll('{out}', outDir);
}

/** The files a `checkpoints` path or glob matches, in the glob's order. */
export async function checkpointFilesOf(pattern: string, baseDir: string): Promise<string[]> {
  const absolute = path.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? '/' : baseDir, absolute ? pattern.slice(1) : pattern);
  const paths = files.map((relative) => (absolute ? `/${relative}` : path.join(baseDir, relative)));
  // A path without wildcards comes back whether or not it exists: absent, it matched nothing.
  const present = await Promise.all(
    paths.map((file) =>
      access(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  return paths.filter((_, i) => present[i]);
}
