import * as core from '@actions/core';
import { describeError } from '../errors.ts';

/**
 * Writes the job summary, or warns when it cannot: without GITHUB_STEP_SUMMARY (a local runner such
 * as @github/local-action) or on a write error. The summary is one more copy of the report, so
 * losing it never changes the verdict or the step's result.
 */
export async function writeJobSummary(
  build: (summary: typeof core.summary) => typeof core.summary,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.warning(
      'GITHUB_STEP_SUMMARY is not set, so there is no job summary; the report is in the run folder (report.md, report.html).',
    );
    return;
  }
  try {
    await build(core.summary).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${describeError(error)}`);
  } finally {
    core.summary.emptyBuffer();
  }
}
