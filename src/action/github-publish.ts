import * as core from '@actions/core';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PublishPlan } from '../settings/plans.ts';
import type { ModeContext } from '../modes/context.ts';
import type { CheckResult } from '../modes/check.ts';
import type { EventContext } from '../github/event.ts';
import type { Logger } from '../log.ts';
import { annotationsFor } from './check-annotations.ts';
import { firstDivergentStepOverall, isDriftedMetric } from '../compare/outcome.ts';
import {
  acceptedVerdict,
  decodePublishedVerdict,
  encodePublishedVerdict,
  PUBLISHED_VERDICT_FILE,
  type PublishedVerdict,
} from '../github/published-verdict.ts';
import { ReproError } from '../errors.ts';

/**
 * Everything the action writes to GitHub after the verdict: the run artifact (run record, report,
 * metric files and the verdict a `mode: publish` job posts from), then status, check run and
 * sticky comment when the job holds a token (an empty TOKEN: the artifact only). All best effort:
 * a refused write is a warning naming the permission, and the job's result still reflects the
 * verdict. CONFIGPATH is the config file's absolute path (where drift is annotated), or null.
 * @throws only what writing the verdict file into the run's output folder throws.
 */
export async function publishCheckToGithub(
  token: string,
  event: EventContext,
  plan: PublishPlan,
  configPath: string | null,
  result: CheckResult,
  context: ModeContext,
): Promise<void> {
  await context.log.group('Publishing to GitHub', async () => {
    if (plan.sharesStatusContext) {
      // A matrix gives every job its own comment-key but, unless told, one status context:
      // the jobs would overwrite each other's required status and check run.
      context.log.warning(
        `comment-key is set (a job matrix?) but check-name is the default, so every job posts the status context repro-check/${plan.checkName} and the last one wins. Give each matrix entry its own check-name, e.g. check-name: repro-check-\${{ matrix.gpu }}, and make those the required checks.`,
      );
    }
    const annotations = result.verdict
      ? await annotationsFor(
          result.verdict,
          result.outcome === 'drift' && plan.failOnDrift ? 'failure' : 'warning',
          configPath,
          result.trained,
          context,
        )
      : [];
    const headline = outcomeHeadline(result, plan.acceptLabel);
    const verdict: PublishedVerdict = {
      outcome: result.outcome,
      failOnDrift: plan.failOnDrift,
      commentBody: result.markdown,
      summary: result.markdown,
      ...(headline !== null ? { headline } : {}),
      annotations,
    };
    const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
      import('../github/artifact.ts'),
      import('../fs/atomic-write.ts'),
    ]);
    const verdictPath = path.join(path.dirname(result.recordPath), PUBLISHED_VERDICT_FILE);
    await writeFileAtomic(verdictPath, encodePublishedVerdict(verdict));
    await uploadRunArtifact({
      commentKey: plan.commentKey,
      files: [result.recordPath, result.reportPath, result.htmlPath, verdictPath, ...result.trained.metricFiles],
      rootDir: path.dirname(result.recordPath),
      env: context.env,
      log: context.log,
    });
    if (!token) {
      // The two-job pattern: this job holds no token; a `mode: publish` job posts from the artifact.
      context.log.info(
        'No github-token: the commit status, check run and PR comment are left to a `mode: publish` job, which posts them from the run artifact (the job summary has the report).',
      );
      return;
    }
    await publishVerdict(token, event, plan, verdict, context);
  });
}

/**
 * Posts VERDICT on GitHub: status, check run and sticky comment, routed by this job's own event
 * and publish plan (check name, comment key, comment author). The one publishing path of the
 * check, its failure and `mode: publish`. Best effort: a refused write is a warning; throws
 * nothing GitHub answers.
 */
export async function publishVerdict(
  token: string,
  event: EventContext,
  plan: PublishPlan,
  verdict: PublishedVerdict,
  context: ModeContext,
): Promise<void> {
  const [{ createGithubClient }, { publishResults }] = await Promise.all([
    import('../github/client.ts'),
    import('../github/publish.ts'),
  ]);
  await publishResults(
    createGithubClient({ token, log: context.log }),
    {
      event,
      checkName: plan.checkName,
      commentKey: plan.commentKey,
      ...verdict,
      runUrl: event.runUrl,
      // Not set: publishing learns the token's login from GitHub (github/publish.ts).
      ...(plan.commentAuthor === undefined ? {} : { commentAuthorLogin: plan.commentAuthor }),
    },
    { info: (m) => core.info(m), warning: (m) => context.log.warning(m), debug: (m) => core.debug(m) },
  );
}

/**
 * `mode: publish`, the second job of the two-job pattern: downloads the check job's artifact
 * (`repro-check-<comment-key>`, this workflow run) and posts the verdict it holds. Throws a
 * ReproError when there is no token, or no verdict to post (the caller then publishes that as an
 * error, never as a pass). Returns the verdict posted (accepted drift when the label says so).
 */
export async function publishFromArtifact(
  token: string,
  event: EventContext,
  plan: PublishPlan,
  context: ModeContext,
): Promise<PublishedVerdict> {
  if (!token)
    throw new ReproError(
      'mode: publish needs github-token (the job needs `statuses: write`, `checks: write` and `pull-requests: write`).',
    );
  return context.log.group("Publishing the check job's verdict", async () => {
    const { artifactName, downloadRunArtifact } = await import('../github/artifact.ts');
    const name = artifactName(plan.commentKey);
    const dir = await mkdtemp(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), 'repro-check-publish-'));
    const downloaded = await downloadRunArtifact({ name, dir, env: context.env });
    const file = path.join(downloaded, PUBLISHED_VERDICT_FILE);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ReproError(
        `The artifact ${name} has no ${PUBLISHED_VERDICT_FILE} (${error.code ?? error.message}): it was not uploaded by a repro-check check job of this version.`,
        { hint: 'Give the check job and the publish job the same repro-check version.' },
      );
    });
    let verdict = decodePublishedVerdict(text, `${name}/${PUBLISHED_VERDICT_FILE}`);
    context.log.info(`Verdict from ${name}: ${verdict.outcome}${verdict.headline ? ` (${verdict.headline})` : ''}.`);
    const label = plan.acceptLabel;
    const acceptance =
      verdict.outcome === 'drift' ? await acceptanceFinder(token, event, label, context.log)?.() : null;
    if (acceptance) verdict = acceptedVerdict(verdict, acceptance, label);
    await publishVerdict(token, event, plan, verdict, context);
    return verdict;
  });
}

/**
 * One line for the status description and check title, with the facts of the drift; accepted
 * drift says so, by whom and through which label (the way to take it back). Null: the outcome's
 * default line.
 */
export function outcomeHeadline(
  result: Pick<CheckResult, 'outcome' | 'verdict' | 'report'>,
  acceptLabel: string,
): string | null {
  const drifted = result.verdict?.metrics.filter(isDriftedMetric).length ?? 0;
  const first = result.verdict && drifted > 0 ? firstDivergentStepOverall(result.verdict) : null;
  const weights = result.report.weightsDrift;
  const what =
    drifted > 0
      ? `${drifted} of ${result.verdict!.metrics.length} metrics drifted${first === null ? '' : ` from step ${first}`}`
      : weights
        ? (weights.cause ?? `final weights differ in ${weights.differing} tensor${weights.differing === 1 ? '' : 's'}`)
        : null;
  if (result.outcome === 'accepted') {
    const by = result.report.acceptedBy ? ` by @${result.report.acceptedBy.login}` : '';
    return `Accepted${by} (label ${acceptLabel}): ${what ?? 'drift'}`;
  }
  return result.outcome === 'drift' ? what : null;
}

/**
 * On drift in a pull request: was the accept LABEL put on by someone with write access? Returns
 * the question as a function (asked only on drift: it is a GitHub call) answering who and when,
 * or null; undefined outside a pull request or without a TOKEN.
 */
export function acceptanceFinder(
  token: string,
  event: EventContext,
  label: string,
  log: Logger,
): (() => Promise<{ login: string; at: string } | null>) | undefined {
  if (event.prNumber === null || !token) return undefined;
  const prNumber = event.prNumber;
  return async () => {
    const [{ createGithubClient }, { findDriftAcceptance }] = await Promise.all([
      import('../github/client.ts'),
      import('../github/acceptance.ts'),
    ]);
    const accepted = await findDriftAcceptance(
      createGithubClient({ token, log }),
      { ...event.repo, prNumber, label },
      log,
    );
    return accepted ? { login: accepted.acceptedBy, at: accepted.acceptedAt } : null;
  };
}
