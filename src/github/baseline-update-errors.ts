/** What a baseline publication that cannot go ahead says (ReproErrors with the way out as hint). */
import { ReproError } from '../errors.ts';
import type { PushWithRetryResult } from '../git/push.ts';

/** The error for a baseline published from BRANCH rather than DEFAULT_BRANCH (a ReproError with the way out as hint). */
export function offDefaultBranchError(branch: string, defaultBranch: string): ReproError {
  return new ReproError(
    `mode: baseline ran on branch "${branch}", not on the default branch "${defaultBranch}"; a baseline is published from the default branch only.`,
    {
      hint: `Run the baseline update on ${defaultBranch}, or set the input allow-baseline-from-any-branch: true.`,
    },
  );
}

/**
 * Why the baseline did not reach BRANCH of REMOTE, as a ReproError: every try met a moved branch,
 * or the push was refused (branch protection or a ruleset, with the ways around it for
 * STRATEGY; else git's own answer and the permission to check). Each says the commit is kept.
 */
export function pushFailure(
  pushed: Extract<PushWithRetryResult, { status: 'refused' | 'gave-up' }>,
  branch: string,
  remote: string,
  strategy: 'commit' | 'pull-request',
): ReproError {
  if (pushed.status === 'gave-up') {
    return strategy === 'commit'
      ? new ReproError(
          `Could not push the baseline to ${branch} after ${pushed.tries} tries: the branch moved on "${remote}" before each push. ` +
            `Nothing was lost: the checkout is unchanged, and commit ${pushed.sha} in the local repository holds the baseline.`,
          { hint: 'Re-run the baseline update when the branch is quieter, or use baseline-update: pull-request.' },
        )
      : new ReproError(
          `Could not push the baseline branch ${branch} after ${pushed.tries} tries: it changed on "${remote}" before each push. Nothing was lost: commit ${pushed.sha} holds the baseline locally.`,
        );
  }
  const remoteLines = pushed.output.stderr
    .split('\n')
    .filter((line) => line.startsWith('remote:') || line.startsWith('error:') || line.startsWith('fatal:'))
    .slice(0, 6)
    .join('\n');
  const kept = `Nothing was lost: commit ${pushed.sha} in the local repository holds the baseline.`;
  if (pushed.outcome === 'protected') {
    return new ReproError(
      `The push of the baseline to ${branch} was refused by its branch protection or a ruleset:\n${remoteLines}\n${kept}`,
      {
        hint:
          strategy === 'commit'
            ? `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT the protection lets through), or set baseline-update: pull-request to propose the baseline as a PR.`
            : `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT), or exempt the repro-check/* branches from the ruleset.`,
      },
    );
  }
  return new ReproError(
    `git push of the baseline to ${branch} failed (exit ${pushed.output.exitCode}):\n${remoteLines || pushed.output.stderr.trim()}\n${kept}`,
    {
      hint: "The token needs `contents: write` under the job's `permissions:` (or pass baseline-token).",
    },
  );
}
