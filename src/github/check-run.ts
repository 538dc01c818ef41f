/**
 * The check run named after `check-name`: conclusion, the report as its summary, and annotations
 * on the files that explain the verdict. GitHub takes at most 50 annotations per request, so the
 * run is created with the first 50 and each further 50 is appended by an update. One check run
 * per run, job and check name: it is found again by its `external_id` before any create.
 */
import type { GithubClient } from './client.ts';
import { CHECK_SUMMARY_LIMIT, CHECK_TITLE_LIMIT, fitLine, fitMarkdown } from './text-limits.ts';
import { findOrCreate } from './find-or-create.ts';
import type { Annotation } from '../report/annotations.ts';

export const ANNOTATIONS_PER_REQUEST = 50;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunContent {
  repo: { owner: string; repo: string };
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: Annotation[];
  detailsUrl: string;
  /**
   * Which run, job and check this is (`checkRunExternalId`): the check run is found again by it,
   * so a create whose answer was lost, or a re-run of the job, updates the one check run.
   */
  externalId: string;
}

export interface CheckRunResult {
  id: number;
  url: string;
  /** Annotations GitHub accepted (all of them unless an update failed; see `annotationError`). */
  annotationsSent: number;
  /** The error that stopped the annotation updates part way, if one did. */
  annotationError?: unknown;
}

/** GitHub caps an annotation's message at 64 KB and its title at 255 characters. */
const ANNOTATION_MESSAGE_LIMIT = 64 * 1024;

type AnnotationPayload = {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
};

/** One annotation as the Checks API's `output.annotations[]` item (path, start/end line, level, title, message). Pure. */
export function toAnnotationPayload(annotation: Annotation): AnnotationPayload {
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    // GitHub rejects a range that ends before it starts.
    end_line: Math.max(annotation.endLine, annotation.startLine),
    annotation_level: annotation.level,
    title: fitLine(annotation.title, CHECK_TITLE_LIMIT),
    message: fitMarkdown(annotation.message, ANNOTATION_MESSAGE_LIMIT, '(truncated)'),
  };
}

/** Splits ITEMS into consecutive batches of at most SIZE. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * The check run's `external_id`: run id, job and check name. No run attempt: a re-run of the job
 * finds and updates the check run of the first attempt instead of adding a second one.
 */
export function checkRunExternalId(runId: string, job: string, checkName: string): string {
  return `repro-check:${runId}:${job}:${checkName}`;
}

/**
 * Writes the completed check run: found by name and `external_id` on the head commit and updated,
 * else created. A create is never retried blindly: after a 5xx or a timeout (it may have landed
 * with its answer lost) the check runs are listed again first. Annotations already on a found
 * check run (GitHub appends, and cannot remove them) are not sent again. Throws when the write
 * fails; an annotation update that fails after it is reported in the result.
 */
export async function publishCheckRun(client: GithubClient, content: CheckRunContent): Promise<CheckRunResult> {
  const output = {
    title: fitLine(content.title, CHECK_TITLE_LIMIT),
    summary: fitMarkdown(
      content.summary,
      CHECK_SUMMARY_LIMIT,
      "> ✂️ **Report truncated** to fit the check run's size limit; the full report is in the job summary and the run's artifact.",
    ),
  };
  const payloads = content.annotations.map(toAnnotationPayload);
  const where = { owner: content.repo.owner, repo: content.repo.repo };
  const fields = {
    name: content.name,
    status: 'completed' as const,
    conclusion: content.conclusion,
    details_url: content.detailsUrl,
    external_id: content.externalId,
  };

  const first = payloads.slice(0, ANNOTATIONS_PER_REQUEST);
  const { value: target, created } = await findOrCreate(
    async () => {
      const existing = await findCheckRun(client, content);
      return (
        existing && {
          id: existing.id,
          url: existing.html_url ?? '',
          annotationsOnIt: existing.output?.annotations_count ?? 0,
        }
      );
    },
    async () => {
      const made = await client.rest.checks.create({
        ...where,
        ...fields,
        head_sha: content.headSha,
        output: first.length > 0 ? { ...output, annotations: first } : output,
        request: { retries: 0 },
      });
      return { id: made.data.id, url: made.data.html_url ?? '', annotationsOnIt: first.length };
    },
  );

  const result: CheckRunResult = {
    id: target.id,
    url: target.url,
    annotationsSent: Math.min(target.annotationsOnIt, payloads.length),
  };
  const pending = batches(payloads.slice(result.annotationsSent), ANNOTATIONS_PER_REQUEST);
  if (!created) {
    // The found check run takes this run's verdict (a failure here fails the write); the next batch rides along.
    const batch = pending.shift() ?? [];
    await client.rest.checks.update({
      ...where,
      ...fields,
      check_run_id: target.id,
      output: batch.length > 0 ? { ...output, annotations: batch } : output,
    });
    result.annotationsSent += batch.length;
  }
  for (const batch of pending) {
    try {
      // title and summary are required with output; the same values again leave them as they are.
      await client.rest.checks.update({ ...where, check_run_id: target.id, output: { ...output, annotations: batch } });
      result.annotationsSent += batch.length;
    } catch (error) {
      result.annotationError = error;
      break;
    }
  }
  return result;
}

/** The oldest check run on the head commit with this name and external id, if there is one. */
async function findCheckRun(
  client: GithubClient,
  content: CheckRunContent,
): Promise<{ id: number; html_url: string | null; output?: { annotations_count?: number } } | undefined> {
  const runs = await client.paginate(client.rest.checks.listForRef, {
    owner: content.repo.owner,
    repo: content.repo.repo,
    ref: content.headSha,
    check_name: content.name,
    // The default, `latest`, may hide an older check run with our external id.
    filter: 'all',
    per_page: 100,
  });
  return runs.filter((run) => run.external_id === content.externalId).sort((a, b) => a.id - b.id)[0];
}
