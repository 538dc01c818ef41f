import * as core from '@actions/core';
import type { ModeRun } from '../mode-run.ts';

/**
 * `mode: publish` (the two-job pattern's second job): posts the verdict the check job uploaded,
 * with the accept label looked up here (the check job holds no token). The step ends as the
 * one-job form's would: failed on drift under fail-on-drift and on an error verdict.
 */
export async function publishMode({ inputs, publish, context, event }: ModeRun): Promise<void> {
  const { publishFromArtifact } = await import('../github-publish.ts');
  const verdict = await publishFromArtifact(inputs.githubToken, event, publish, context);
  core.setOutput('status', verdict.outcome);
  await core.summary.addRaw(verdict.summary).write();
  if ((verdict.outcome === 'drift' && verdict.failOnDrift) || verdict.outcome === 'error')
    core.setFailed(`${verdict.headline ?? verdict.outcome} (the check job's verdict). See the job summary.`);
}
