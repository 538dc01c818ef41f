import * as core from '@actions/core';
import { EXIT_DRIFT } from '../../errors.ts';
import type { CheckResult } from '../../modes/check.ts';
import { firstDivergentStepOverall, isDriftedMetric } from '../../compare/outcome.ts';
import { writeJobSummary } from '../job-summary.ts';
import { acceptanceFinder, publishCheckToGithub } from '../github-publish.ts';
import type { ModeRun } from '../mode-run.ts';

/** `mode: check`: trains, compares with the baseline, sets the step outputs, publishes, and fails the step on drift under fail-on-drift. */
export async function checkMode({ inputs, settings, publish, configPath, context, event }: ModeRun): Promise<void> {
  const { runCheck } = await import('../../modes/check.ts');
  const config = settings.config;
  const result: CheckResult = await runCheck(
    {
      settings,
      configPath,
      onMissingBaseline: config['on-missing-baseline'],
      findAcceptance: acceptanceFinder(inputs.githubToken, event, publish.acceptLabel, context.log),
      runUrl: event.runUrl,
    },
    context,
  );
  const drifted = result.verdict?.metrics.filter(isDriftedMetric).map((m) => m.name) ?? [];
  const firstStep = result.verdict && result.outcome !== 'pass' ? firstDivergentStepOverall(result.verdict) : null;
  core.setOutput('status', result.outcome);
  core.setOutput('drifted-metrics', JSON.stringify(drifted));
  core.setOutput('report-path', result.reportPath);
  core.setOutput('record-path', result.recordPath);
  core.setOutput('first-divergent-step', firstStep === null ? '' : String(firstStep));
  // The job summary is always written, whatever happens to the GitHub API calls after it.
  await writeJobSummary((summary) => summary.addRaw(result.markdown), context.env);
  await publishCheckToGithub(inputs.githubToken, event, publish, configPath, result, context);

  if (result.outcome === 'drift' && publish.failOnDrift && drifted.length === 0 && result.report.weightsDrift) {
    const weights = result.report.weightsDrift;
    core.setFailed(
      `${weights.cause ? `Drift: ${weights.cause}` : `The final weights differ from the baseline in ${weights.differing} tensors`} (tolerance is exact); every metric is within tolerance. See the job summary.`,
    );
  } else if (result.outcome === 'drift' && publish.failOnDrift) {
    core.setFailed(
      `Drift in ${drifted.length} metric${drifted.length === 1 ? '' : 's'} (${drifted.slice(0, 5).join(', ')}${drifted.length > 5 ? ', …' : ''})${firstStep === null ? '' : `; curves part at step ${firstStep}`}. See the job summary.`,
    );
  } else if (result.outcome === 'drift') {
    core.warning('Drift found; fail-on-drift is false, so the step passes.');
  } else if (result.exitCode !== 0 && result.exitCode !== EXIT_DRIFT) {
    core.setFailed(result.report.message ?? 'repro-check could not compare this run.');
  } else if (result.outcome === 'no-baseline') {
    core.notice(
      `No baseline yet at ${result.baselineRepoPath}; the check passes (on-missing-baseline: warn). See the job summary for how to create one.`,
    );
  }
}
