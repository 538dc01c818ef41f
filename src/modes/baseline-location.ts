import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { EnvironmentFingerprint, RunRecordJson } from '../record/types.ts';
import { toPosixPath } from '../repo-path.ts';

/**
 * Fills the baseline path's placeholders, so one repository can keep one baseline per kind
 * of hardware: {runner} is the runner's name (RUNNER_NAME, else the host name), {gpu} the first
 * visible GPU's model (or "cpu"), both as lower-case slugs safe in a file name.
 */
export function resolveBaselinePath(
  pattern: string,
  environment: EnvironmentFingerprint,
  env: NodeJS.ProcessEnv,
  hostname: string,
): string {
  const gpu = environment.gpu?.devices[0]?.name ?? 'cpu';
  return pattern.replaceAll('{runner}', slug(env.RUNNER_NAME ?? hostname)).replaceAll('{gpu}', slug(gpu));
}

/**
 * The baseline path's placeholders filled from run records made elsewhere (aggregate, pure):
 * {gpu} is the records' first visible GPU model (or "cpu"), {runner} the runner that trained
 * them (its RUNNER_NAME), as slugs. SETTING names the key or flag in errors. Throws a ReproError
 * when a placeholder used in PATTERN has more than one value across the records (a matrix over
 * several runners or GPU models has no one baseline of that kind) or no value (a record without
 * a runner name).
 */
export function resolveRecordsBaselinePath(
  pattern: string,
  records: readonly RunRecordJson[],
  setting: string,
): string {
  const fill = (placeholder: string, valueOf: (record: RunRecordJson) => string | null, text: string): string => {
    if (!text.includes(placeholder)) return text;
    const values = [...new Set(records.map((r) => valueOf(r)).map((v) => (v === null ? null : slug(v))))];
    if (values.includes(null))
      throw new ReproError(
        `${setting} "${pattern}": ${placeholder} cannot be filled: ${values.length === 1 ? 'the run records do not name' : 'some run records do not name'} the runner that trained them (records made outside GitHub Actions, or before runner names were recorded)`,
        { hint: `Use {gpu} or a fixed path in ${setting}.` },
      );
    if (values.length > 1)
      throw new ReproError(
        `${setting} "${pattern}": the run records disagree on ${placeholder} (${values.join(', ')}); a baseline per kind of hardware needs records of one kind`,
        { hint: `Aggregate the records of each kind apart, or use a fixed path in ${setting}.` },
      );
    return text.replaceAll(placeholder, values[0]!);
  };
  const withGpu = fill('{gpu}', (r) => r.environment.gpu?.devices[0]?.name ?? 'cpu', pattern);
  return fill('{runner}', (r) => r.runner?.label ?? null, withGpu);
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unknown'
  );
}

/**
 * Whether a repo-relative path is a file the baseline pattern can resolve to, whatever
 * {runner} and {gpu} become: `baseline update` does not count its own earlier output as an
 * unclean tree (a re-run before committing it, or the first baseline not yet added).
 */
export function isBaselineFile(pattern: string, workingDirectory: string, repoPath: string): boolean {
  const full = path.posix.normalize(path.posix.join(toPosixPath(workingDirectory), toPosixPath(pattern)));
  const placeholder = /\\\{(runner|gpu)\\\}/g;
  const source = full.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(placeholder, '[a-z0-9-]+');
  return new RegExp(`^${source}$`).test(repoPath);
}
