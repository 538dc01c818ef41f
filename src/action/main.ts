import * as core from '@actions/core';
import { writeJobSummary } from './job-summary.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError, ReproError } from '../errors.ts';
import { loadSettings, type LoadedSettings } from '../settings/load.ts';
import type { ModeContext } from '../modes/context.ts';
import { protectWorkflowCommands } from '../proc/workflow-commands.ts';
import { readActionInputs, type ActionInvocation } from './inputs.ts';
import { coreLogger } from './core-logger.ts';
import { errorAnnotations } from './error-annotations.ts';
import { readEventContext, type EventContext } from '../github/event.ts';
import { eventForTrainedCommit, refuseUnsafeEvent, type CheckedOutCommit } from '../github/trust-policy.ts';
import { aggregateMode } from './aggregate-mode.ts';
import { auditMode } from './audit-mode.ts';
import { checkMode } from './check-mode.ts';
import { publishBaselineToGithub } from './github-publish.ts';

/** What every mode's handler gets: the inputs, settings and event read once, and the one ModeContext. */
interface ModeRun {
  inputs: ActionInvocation;
  settings: LoadedSettings;
  configPath: string | null;
  context: ModeContext;
  event: EventContext;
}

/**
 * The action's modes (the `mode` input), one handler each over the same ModeRun, as actions/cache's
 * entries call one implementation with the difference injected; `phase` names the step in a failure.
 */
const MODES: Record<ActionInvocation['mode'], { phase: string; run: (run: ModeRun) => Promise<void> }> = {
  check: { phase: 'checking', run: (r) => checkMode(r.inputs, r.settings, r.configPath, r.context, r.event) },
  baseline: { phase: 'updating the baseline', run: (r) => baselineMode(r.inputs, r.settings, r.context, r.event) },
  publish: {
    phase: "publishing the check job's verdict",
    run: (r) => publishMode(r.inputs, r.settings, r.context, r.event),
  },
  audit: { phase: 'auditing', run: (r) => auditMode(r.inputs, r.settings, r.context, r.event) },
  aggregate: {
    phase: 'aggregating run records',
    run: (r) =>
      aggregateMode({ records: r.inputs.records, recordArtifacts: r.inputs.recordArtifacts }, r.settings, r.context),
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
    const event =
      inputs.mode === 'publish'
        ? eventForPublishing(sentEvent)
        : await eventForTraining(sentEvent, settings, workspace);

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
        const { publishFailureToGithub, uploadFailureVerdict } = await import('./github-publish.ts');
        // A check job without a token (the two-job pattern) hands the failure to the publish job.
        if (inputs.mode === 'check' && !inputs.githubToken)
          await uploadFailureVerdict(event, settings, message, context);
        else await publishFailureToGithub(inputs.githubToken, event, settings, message, context);
      };
    }
    const mode = MODES[inputs.mode];
    phase = mode.phase;
    await mode.run({ inputs, settings, configPath, context, event });
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
  settings: LoadedSettings,
  workspace: string,
): Promise<EventContext> {
  const checkedOut = sentEvent.eventName === 'pull_request_target' ? await checkedOutCommit(workspace) : null;
  refuseUnsafeEvent(sentEvent, {
    allowForkPrs: settings.config['allow-fork-prs'],
    allowPullRequestTarget: settings.config['allow-pull-request-target'],
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

/**
 * `mode: publish` (the two-job pattern's second job): posts the verdict the check job uploaded,
 * with the accept label looked up here (the check job holds no token). The step ends as the
 * one-job form's would: failed on drift under fail-on-drift and on an error verdict.
 */
async function publishMode(
  inputs: ActionInvocation,
  settings: LoadedSettings,
  context: ModeContext,
  event: EventContext,
): Promise<void> {
  const { publishFromArtifact } = await import('./github-publish.ts');
  const verdict = await publishFromArtifact(inputs.githubToken, event, settings, context);
  core.setOutput('status', verdict.outcome);
  await core.summary.addRaw(verdict.summary).write();
  if ((verdict.outcome === 'drift' && verdict.failOnDrift) || verdict.outcome === 'error')
    core.setFailed(`${verdict.headline ?? verdict.outcome} (the check job's verdict). See the job summary.`);
}

/**
 * The workspace's HEAD and its parents, to tell a pull_request_target run that trains the base
 * (safe; reported on the base commit) from one that checked out the PR head or its merge commit.
 * The parents come from the commit object itself: a shallow clone's graft hides them from `git log`.
 */
async function checkedOutCommit(workspace: string): Promise<CheckedOutCommit | null> {
  const { openRepo } = await import('../git/repo.ts');
  const repo = await openRepo(workspace);
  const sha = (await repo.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))?.trim();
  if (!sha) return null;
  const object = (await repo.tryRun(['cat-file', 'commit', sha])) ?? '';
  const headerEnd = object.indexOf('\n\n');
  const header = headerEnd < 0 ? object : object.slice(0, headerEnd);
  const parents = header
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice('parent '.length).trim());
  return { sha, parents };
}

async function settingsForAction(
  inputs: ActionInvocation,
  workspace: string,
): Promise<{ settings: LoadedSettings; configPath: string | null }> {
  const name = inputs.config ?? 'repro.yml';
  const configPath = path.resolve(workspace, name);
  let text: string | null = null;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    if (inputs.config !== null || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ReproError(
        `input "config": cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        {
          hint: 'Give the path of the settings file relative to the workspace, or leave `config` out and pass the settings as inputs.',
        },
      );
    }
  }
  return {
    settings: loadSettings({
      file: text === null ? null : { path: name, text },
      overrides: inputs.overrides,
      trains: inputs.mode !== 'publish',
    }),
    configPath: text === null ? null : configPath,
  };
}

async function baselineMode(
  inputs: ActionInvocation,
  settings: LoadedSettings,
  context: ModeContext,
  event: EventContext,
): Promise<void> {
  const { runBaselineUpdate } = await import('../modes/baseline.ts');
  const config = settings.config;
  const result = await runBaselineUpdate(settings, context, {
    // docs/github.md: the checkout is never modified; the commit is built in a temporary index.
    keepCheckoutClean: true,
    // The default-branch rule is checked again when publishing (where the remote may be asked);
    // here it refuses before a training whose baseline could not be published anyway.
    beforeTraining: async (branch) => {
      if (config['allow-baseline-from-any-branch'] || !event.defaultBranch || branch === event.defaultBranch) return;
      const { offDefaultBranchError } = await import('../github/baseline-update.ts');
      throw offDefaultBranchError(branch, event.defaultBranch);
    },
  });
  core.setOutput('status', 'pass');
  core.setOutput('baseline-path', result.baselineRepoPath);
  core.setOutput('record-path', result.baselinePath);
  await publishBaselineToGithub(inputs, event, settings, result, context);
}
