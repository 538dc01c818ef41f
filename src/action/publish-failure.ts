import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PublishPlan } from '../settings/plans.ts';
import type { ModeContext } from '../modes/context.ts';
import type { EventContext } from '../github/event.ts';
import { encodePublishedVerdict, PUBLISHED_VERDICT_FILE, type PublishedVerdict } from '../github/published-verdict.ts';
import { publishVerdict } from './github-publish.ts';

/**
 * The run failed before a verdict (training crashed, bad baseline, no baseline with
 * `on-missing-baseline: fail`): the status is `error`, the check run fails, and the sticky
 * comment says so instead of keeping an earlier push's verdict. MESSAGE is the error as the log
 * shows it. Without a TOKEN nothing is posted. Best effort, as every write.
 */
export async function publishFailureToGithub(
  token: string,
  event: EventContext,
  plan: PublishPlan,
  message: string,
  context: ModeContext,
): Promise<void> {
  if (!token) return;
  await context.log.group('Publishing the failure to GitHub', () =>
    publishVerdict(token, event, plan, failureVerdict(message, event, plan), context),
  );
}

/**
 * The two-job pattern's check job failed before a verdict: leave the failure as its artifact's
 * verdict, so that the publish job shows the reason (status `error`), not only that there was none.
 * @throws what creating the temporary folder or writing the verdict file throws.
 */
export async function uploadFailureVerdict(
  event: EventContext,
  plan: PublishPlan,
  message: string,
  context: ModeContext,
): Promise<void> {
  const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
    import('../github/artifact.ts'),
    import('../fs/atomic-write.ts'),
  ]);
  const dir = await mkdtemp(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), 'repro-check-failure-'));
  const file = path.join(dir, PUBLISHED_VERDICT_FILE);
  await writeFileAtomic(file, encodePublishedVerdict(failureVerdict(message, event, plan)));
  await uploadRunArtifact({
    commentKey: plan.commentKey,
    files: [file],
    rootDir: dir,
    env: context.env,
    log: context.log,
  });
}

/** The verdict of a run that ended without one: status `error`, the message in the comment (pure). */
function failureVerdict(message: string, event: EventContext, plan: PublishPlan): PublishedVerdict {
  const body = [
    '### ⚠️ repro-check could not check this commit',
    '',
    '```',
    message.length > 20_000 ? `${message.slice(0, 20_000)}\n… (cut; the run log has all of it)` : message,
    '```',
    '',
    `[Run log](${event.runUrl})`,
  ].join('\n');
  return {
    outcome: 'error',
    failOnDrift: plan.failOnDrift,
    commentBody: body,
    summary: body,
    headline: `Error: ${message.split('\n')[0]!}`,
    annotations: [],
  };
}
