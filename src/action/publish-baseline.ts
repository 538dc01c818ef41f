import * as core from '@actions/core';
import type { PublishPlan } from '../settings/plans.ts';
import type { ModeContext } from '../modes/context.ts';
import type { BaselineResult } from '../modes/baseline.ts';
import type { EventContext } from '../github/event.ts';
import type { ActionInvocation } from './inputs.ts';

/**
 * `mode: baseline`: uploads the new baseline and its metric files as the run artifact, then
 * commits the baseline to the branch or proposes it as a pull request (PLAN's `baselineUpdate`),
 * with INPUTS' baseline-token when one was given.
 * @throws ReproError when the branch may not take a baseline or the push is refused for good.
 */
export async function publishBaselineToGithub(
  inputs: ActionInvocation,
  event: EventContext,
  plan: PublishPlan,
  result: BaselineResult,
  context: ModeContext,
): Promise<void> {
  await context.log.group(`Publishing the baseline (${plan.baselineUpdate})`, async () => {
    // The evidence outlives the log here too: the new baseline and the metric files it came from.
    const { uploadRunArtifact } = await import('../github/artifact.ts');
    await uploadRunArtifact({
      commentKey: plan.commentKey,
      files: [result.baselinePath, ...result.trained.metricFiles],
      rootDir: result.trained.outDir,
      env: context.env,
      log: context.log,
    });
    const { publishBaseline } = await import('../github/baseline-update.ts');
    await publishBaseline(
      // The runner masks the token itself, not its base64 form in the push's auth header.
      { log: context.log, mask: (secret: string) => core.setSecret(secret) },
      {
        repoDir: context.env.GITHUB_WORKSPACE ?? context.cwd,
        baselinePath: result.baselineRepoPath,
        content: result.content,
        message: `Update repro-check baseline\n\nTrained at ${result.trained.record.provenance.commit} (seed ${result.trained.record.provenance.seed}) by ${event.runUrl}`,
        strategy: plan.baselineUpdate,
        branch: result.branch,
        defaultBranch: event.defaultBranch,
        allowAnyBranch: plan.allowBaselineFromAnyBranch,
        token: inputs.baselineToken,
        // A PR opened with the workflow token starts no workflows, so we set its status ourselves.
        tokenIsWorkflowToken: !inputs.baselineTokenGiven,
        event,
        checkName: plan.checkName,
      },
    );
  });
}
