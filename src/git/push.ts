/**
 * Pushing one commit to a branch of a remote, retried when the branch moved meanwhile: each try
 * is prepared afresh (the caller rebuilds its commit onto the new tip, or reads the lease
 * again), after a doubling wait. How `git push --porcelain` answered is read here; what to say
 * about a refusal is the caller's.
 */
import type { GitOutput } from './command.ts';
import type { Remote } from './remote.ts';

/**
 * How a `git push --porcelain` of one ref ended:
 * - `pushed` (or `unchanged`: the remote already had it);
 * - `stale`: the remote moved meanwhile (non-fast-forward, fetch first, a failed lease, a lost
 *   ref-lock race) — fetch and try again;
 * - `protected`: GitHub's branch protection or a ruleset refused it (GH006, GH013);
 * - `failed`: anything else (authentication, network, a hook), not worth retrying.
 */
export type PushOutcome = 'pushed' | 'unchanged' | 'stale' | 'protected' | 'failed';

/** Reads the answer of a `git push --porcelain` of one ref (pure). */
export function classifyPush(output: GitOutput): PushOutcome {
  // Porcelain lines: `<flag>\t<from>:<to>\t<summary> (<reason>)`; flag ' ' pushed, '+' forced, '=' up to date, '!' rejected.
  const refLine = output.stdout.split('\n').find((line) => /^[ +\-*=!]\t/.test(line));
  const remoteSaid = output.stderr;
  if (
    /\bGH006\b|\bGH013\b|protected branch hook declined|Protected branch update failed|[Rr]epository rule violations/.test(
      `${refLine ?? ''}\n${remoteSaid}`,
    )
  )
    return 'protected';
  if (output.exitCode === 0 && refLine !== undefined) return refLine.startsWith('=') ? 'unchanged' : 'pushed';
  if (refLine?.startsWith('!')) {
    if (/\[rejected\]/.test(refLine) && /fetch first|non-fast-forward|stale info|already exists/.test(refLine))
      return 'stale';
    if (/\[remote rejected\]/.test(refLine) && /cannot lock ref|failed to update ref|incorrect old value/.test(refLine))
      return 'stale';
  }
  return 'failed';
}

/** What one try pushes. */
export interface PushTry {
  /** The commit to put at the branch. */
  sha: string;
  /**
   * Force the branch, but only if the remote still has it at this sha ('' : only if it does not
   * exist): `--force-with-lease`. Absent: a plain push, which only fast-forwards.
   */
  lease?: string;
}

export interface PushWithRetryOptions {
  /** The branch pushed to (without `refs/heads/`). */
  branch: string;
  /**
   * Called before each try with its number (from 1): what to push, or null when there is nothing
   * to push (the push then ends as `nothing`). Its errors are passed on.
   */
  prepare: (attempt: number) => Promise<PushTry | null>;
  /** Tries before giving up (at least 1). */
  maxTries: number;
  /** Wait before the second try, in ms; doubled for each later try, up to 30 s. */
  backoffMs: number;
  /** Why a try is repeated, logged before the wait ("main moved on "origin" meanwhile"). */
  retryReason: string;
  /** What is pushed, for the log ("baseline commit"). */
  label: string;
  log: { info(message: string): void };
  sleep: (ms: number) => Promise<void>;
  /** Called just before each push with the try number (tests push a competing commit here). */
  beforePush?: (attempt: number) => Promise<void>;
}

/** How pushWithRetry ended; `tries` counts the tries prepared. */
export type PushWithRetryResult =
  | { status: 'pushed'; sha: string; tries: number }
  | { status: 'nothing'; tries: number }
  | { status: 'refused'; outcome: 'protected' | 'failed'; output: GitOutput; sha: string; tries: number }
  | { status: 'gave-up'; sha: string; tries: number };

const LONGEST_BACKOFF_MS = 30_000;

/**
 * Pushes to OPTIONS.branch of REMOTE, trying again (after a doubling wait) while the push is
 * rejected as stale (the branch moved, or the lease failed), up to `maxTries`. Returns how it
 * ended rather than throwing for a refused push; throws only what `prepare` throws.
 */
export async function pushWithRetry(remote: Remote, options: PushWithRetryOptions): Promise<PushWithRetryResult> {
  const target = `refs/heads/${options.branch}`;
  const maxTries = Math.max(1, options.maxTries);
  let sha = '';
  for (let attempt = 1; attempt <= maxTries; attempt += 1) {
    if (attempt > 1) {
      const waitMs = Math.min(options.backoffMs * 2 ** (attempt - 2), LONGEST_BACKOFF_MS);
      options.log.info(`${options.retryReason} (try ${attempt} of ${maxTries}, after ${waitMs} ms).`);
      await options.sleep(waitMs);
    }
    const next = await options.prepare(attempt);
    if (next === null) return { status: 'nothing', tries: attempt };
    sha = next.sha;
    options.log.info(
      `Pushing ${options.label} ${sha.slice(0, 12)} to ${options.branch} (try ${attempt} of ${maxTries}).`,
    );
    await options.beforePush?.(attempt);
    const lease = next.lease === undefined ? [] : [`--force-with-lease=${target}:${next.lease}`];
    const output = await remote.git(['push', '--porcelain', remote.name, ...lease, `${sha}:${target}`], {
      env: remote.auth,
    });
    const outcome = classifyPush(output);
    if (outcome === 'pushed' || outcome === 'unchanged') return { status: 'pushed', sha, tries: attempt };
    if (outcome !== 'stale') return { status: 'refused', outcome, output, sha, tries: attempt };
  }
  return { status: 'gave-up', sha, tries: maxTries };
}
