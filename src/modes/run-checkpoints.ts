import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CheckpointsPlan } from '../settings/plans.ts';
import type { CheckpointEntry, RunRecordJson } from '../record/types.ts';
import { expandFileGlob } from '../metrics/glob-files.ts';
import { fingerprintCheckpoint } from '../checkpoints/fingerprint.ts';
import type { EvalRun } from './checkpoint-eval.ts';

/** What a training's checkpoints add to its run record. */
export interface RecordedCheckpoints {
  /** The fingerprint of every file the `checkpoints` glob matched, in the glob's order. */
  checkpoints: CheckpointEntry[];
  /** The averaged checkpoint (`average-last`), or null. */
  merged: RunRecordJson['merged'] | null;
  /** The eval command's metrics (`checkpoints.merged.*`, `checkpoints.final.*`), as final values. */
  finals: Map<string, number>;
  /** Said in the log already; for the report's notes (a glob that matched nothing). */
  warnings: string[];
}

/**
 * The checkpoints a training wrote: every file PLAN's glob matches (with `{out}` replaced by
 * OUTDIR, relative paths below RUN.cwd) fingerprinted; then, with `average-last` or
 * `eval-command`, averaged and evaluated (modes/checkpoint-eval.ts) under RUN's guard.
 * A glob that matches nothing is a warning, not an error: the record then holds no weights.
 * @throws what averageAndEvaluate throws (too few checkpoints, a failed eval command).
 */
export async function recordCheckpoints(
  plan: CheckpointsPlan,
  run: EvalRun & { outDir: string },
): Promise<RecordedCheckpoints> {
  const pattern = plan.glob.replaceAll('{out}', run.outDir);
  const files = await checkpointFilesOf(pattern, run.cwd);
  const warnings: string[] = [];
  if (files.length === 0) {
    // Said out loud (as an unmatched `metrics` glob is): a check would otherwise compare no weights.
    const unmatched = `checkpoints "${plan.glob}" matched no file (looked for ${path.resolve(run.cwd, pattern)}); no weights were recorded`;
    run.context.log.warning(unmatched);
    warnings.push(unmatched);
  }
  const checkpoints: CheckpointEntry[] = [];
  for (const file of files) checkpoints.push(await fingerprintCheckpoint(file));
  if (plan.averageLast === undefined && plan.evalCommand === undefined)
    return { checkpoints, merged: null, finals: new Map(), warnings };
  const { averageAndEvaluate } = await import('./checkpoint-eval.ts');
  const evaluation = await averageAndEvaluate(plan, files, run);
  return { checkpoints, merged: evaluation.merged, finals: evaluation.finals, warnings };
}

/** The files a `checkpoints` path or glob matches, in the glob's order. */
async function checkpointFilesOf(pattern: string, baseDir: string): Promise<string[]> {
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
