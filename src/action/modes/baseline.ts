import * as core from '@actions/core';
import { publishBaselineToGithub } from '../publish-baseline.ts';
import type { ModeRun } from '../mode-run.ts';

/** `mode: baseline`: trains on the default branch and publishes the new baseline (commit or pull request). */
export async function baselineMode({ inputs, settings, publish, context, event }: ModeRun): Promise<void> {
  const { runBaselineUpdate } = await import('../../modes/baseline.ts');
  const result = await runBaselineUpdate(settings, context, {
    // docs/github.md: the checkout is never modified; the commit is built in a temporary index.
    keepCheckoutClean: true,
    // The default-branch rule is checked again when publishing (where the remote may be asked);
    // here it refuses before a training whose baseline could not be published anyway.
    beforeTraining: async (branch) => {
      if (publish.allowBaselineFromAnyBranch || !event.defaultBranch || branch === event.defaultBranch) return;
      const { offDefaultBranchError } = await import('../../github/baseline-update-errors.ts');
      throw offDefaultBranchError(branch, event.defaultBranch);
    },
  });
  core.setOutput('status', 'pass');
  core.setOutput('baseline-path', result.baselineRepoPath);
  core.setOutput('record-path', result.baselinePath);
  await publishBaselineToGithub(inputs, event, publish, result, context);
}
