import * as core from '@actions/core';
import { writeJobSummary } from './job-summary.ts';
import { describeError, ReproError } from '../errors.ts';
import { loadSettings, type LoadedSettings } from '../settings/load.ts';
import { publishPlanOf, type PublishPlan } from '../settings/plans.ts';
import type { ModeContext } from '../modes/context.ts';
import { protectWorkflowCommands } from '../proc/workflow-commands.ts';
import { readActionInputs, type ActionInvocation } from './inputs.ts';
import { coreLogger } from './core-logger.ts';
import { errorAnnotations } from './error-annotations.ts';
import { readEventContext, type EventContext } from '../github/event.ts';
import { eventForTrainedCommit, refuseUnsafeEvent } from '../github/trust-policy.ts';
import type { ModeRun } from './mode-run.ts';
import { readConfigFile } from '../settings/config-file.ts';

/**
 * The action's modes (the `mode` input), one handler each over the same ModeRun, as actions/cache's
 * entries call one implementation with the difference injected; `phase` names the step in a failure.
 */
const MODES: Record<ActionInvocation['mode'], { phase: string; run: (run: ModeRun) => Promise<void> }> = {
  check: { phase: 'checking', run: async (r) => (await import('./modes/check.ts')).checkMode(r) },
  baseline: { phase: 'updating the baseline', run: async (r) => (await import('./modes/baseline.ts')).baselineMode(r) },
  publish: {
    phase: "publishing the check job's verdict",
    run: async (r) => (await import('./modes/publish.ts')).publishMode(r),
  },
  audit: { phase: 'auditing', run: async (r) => (await import('./modes/audit.ts')).auditMode(r) },
  aggregate: {
    phase: 'aggregating run records',
    run: async (r) => (await import('./modes/aggregate.ts')).aggregateMode(r),
  },
};

/**
 * The action: read inputs and the event once, run the mode, then publish. Publishing is best
 * effort after the verdict; `setFailed` is called here only, at the top.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = coreLogger();
  let phase = 'reading the settings';
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  // Set once the run is known to be safe to report on: then a failure is published too, so the
  // PR shows an error instead of no status or the sticky comment's stale verdict of an earlier push.
  let publishFailure: ((message: string) => Promise<void>) | null = null;
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    const sentEvent = await readEventContext(env);
    const { settings, configPath } = await settingsForAction(inputs, workspace);
    core.debug(`resolved settings: ${JSON.stringify(settings.config)}`);
    core.debug(`setting origins: ${JSON.stringify(settings.origins)}`);
    const publish = publishPlanOf(settings.config, sentEvent.job);
    const event =
      inputs.mode === 'publish' ? eventForPublishing(sentEvent) : await eventForTraining(sentEvent, publish, workspace);

    const context: ModeContext = {
      cwd: workspace,
      env,
      log,
      trainingOutput: protectWorkflowCommands((text) => process.stdout.write(text), env),
      pullRequest:
        event.prNumber !== null && event.baseSha
          ? { headSha: event.headSha, baseSha: event.baseSha, number: event.prNumber, headRef: event.headRef }
          : null,
      now: () => new Date(),
      // A leftover of the training lives on into the next job on a self-hosted runner, and could write workflow commands.
      killEscapedByDefault: true,
    };
    if (inputs.mode !== 'baseline') {
      publishFailure = async (message) => {
        const { publishFailureToGithub, uploadFailureVerdict } = await import('./publish-failure.ts');
        // A check job without a token (the two-job pattern) hands the failure to the publish job.
        if (inputs.mode === 'check' && !inputs.githubToken)
          await uploadFailureVerdict(event, publish, message, context);
        else await publishFailureToGithub(inputs.githubToken, event, publish, message, context);
      };
    }
    const mode = MODES[inputs.mode];
    phase = mode.phase;
    await mode.run({ inputs, settings, publish, configPath, context, event });
  } catch (error) {
    core.setOutput('status', 'error');
    if (!(error instanceof ReproError) && error instanceof Error && error.stack) core.debug(error.stack);
    const message = describeError(error, { stackHint: 'Debug logging (ACTIONS_STEP_DEBUG)' });
    // On the file and line in the PR's "Files changed" view, besides the failure line.
    for (const annotation of errorAnnotations(error, workspace)) {
      core.error(annotation.message, {
        file: annotation.file,
        ...(annotation.line === undefined ? {} : { startLine: annotation.line }),
        title: 'repro-check',
      });
    }
    await writeJobSummary(
      (summary) => summary.addHeading('⚠️ repro-check: could not check', 2).addCodeBlock(message),
      env,
    );
    await publishFailure?.(message).catch((publishError: unknown) =>
      core.warning(`Could not publish the failure on GitHub: ${describeError(publishError)}`),
    );
    core.setFailed(`repro-check failed while ${phase}: ${message}`);
  }
}

/**
 * The event a training may run for: refuses fork PRs and unsafe pull_request_target checkouts
 * (unless allowed), and points a pull_request_target run that trains the base at the base.
 */
async function eventForTraining(
  sentEvent: EventContext,
  publish: PublishPlan,
  workspace: string,
): Promise<EventContext> {
  const checkedOut = sentEvent.eventName === 'pull_request_target' ? await checkedOutCommitOf(workspace) : null;
  refuseUnsafeEvent(sentEvent, {
    allowForkPrs: publish.allowForkPrs,
    allowPullRequestTarget: publish.allowPullRequestTarget,
    ...(checkedOut ? { checkedOutSha: checkedOut.sha } : {}),
  });
  const { event, note: trainedCommitNote } = eventForTrainedCommit(sentEvent, checkedOut);
  if (trainedCommitNote) core.notice(trainedCommitNote);
  return event;
}

/**
 * The event `mode: publish` posts for: the one its check job ran for, in the same workflow run.
 * Under `workflow_run` the check ran in another run (fork PRs), whose verdict the fork controls.
 */
function eventForPublishing(sentEvent: EventContext): EventContext {
  if (sentEvent.eventName === 'workflow_run') {
    throw new ReproError(
      "mode: publish posts the verdict of a check job in the same workflow run; under workflow_run (fork pull requests) the other run's verdict is the fork's to write.",
      {
        hint: "For fork PRs use the pattern of example-fork-workflow-run.yml, which compares the run record again with the default branch's baseline (docs/github.md).",
      },
    );
  }
  return sentEvent;
}

async function settingsForAction(
  inputs: ActionInvocation,
  workspace: string,
): Promise<{ settings: LoadedSettings; configPath: string | null }> {
  const file = await readConfigFile({
    dir: workspace,
    name: inputs.config ?? 'repro.yml',
    given: inputs.config !== null,
    label: 'input "config"',
    hint: 'Give the path of the settings file relative to the workspace, or leave `config` out and pass the settings as inputs.',
  });
  return {
    settings: loadSettings({ file, overrides: inputs.overrides, trains: inputs.mode !== 'publish' }),
    configPath: file?.absolutePath ?? null,
  };
}

/** The workspace's HEAD and its parents (src/git/provenance.ts), read only for pull_request_target. */
async function checkedOutCommitOf(workspace: string): Promise<{ sha: string; parents: string[] } | null> {
  const [{ openRepo }, { checkedOutCommit }] = await Promise.all([
    import('../git/repo.ts'),
    import('../git/provenance.ts'),
  ]);
  return checkedOutCommit(await openRepo(workspace));
}
