/**
 * The check run named after `check-name`: conclusion, the report as its summary, and annotations
 * on the files that explain the verdict. GitHub takes at most 50 annotations per request, so the
 * run is created with the first 50 and each further 50 is appended by an update.
 */
import type { GithubClient } from './client.ts';
import { CHECK_SUMMARY_LIMIT, CHECK_TITLE_LIMIT, fitLine, fitMarkdown } from './text-limits.ts';

export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  /** Repository-relative path (a metric file, the config line that set the tolerance). */
  path: string;
  startLine: number;
  endLine: number;
  level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

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
  /** Kept on the check run so a reader can tell which comment key / job wrote it. */
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
 * Creates the completed check run. Throws when the create fails; an update that fails after it
 * is reported in the result (the check run and its verdict already exist).
 */
export async function publishCheckRun(client: GithubClient, content: CheckRunContent): Promise<CheckRunResult> {
  const output = {
    title: fitLine(content.title, CHECK_TITLE_LIMIT),
    summary: fitMarkdown(content.summary, CHECK_SUMMARY_LIMIT, '> ✂️ **Report truncated** to fit the check run\'s size limit; the full report is in the job summary and the run\'s artifact.'),
  };
  const [first = [], ...rest] = batches(content.annotations.map(toAnnotationPayload), ANNOTATIONS_PER_REQUEST);
  const created = await client.rest.checks.create({
    owner: content.repo.owner,
    repo: content.repo.repo,
    name: content.name,
    head_sha: content.headSha,
    status: 'completed',
    conclusion: content.conclusion,
    details_url: content.detailsUrl,
    external_id: content.externalId,
    output: first.length > 0 ? { ...output, annotations: first } : output,
  });
  const result: CheckRunResult = { id: created.data.id, url: created.data.html_url ?? '', annotationsSent: first.length };
  for (const batch of rest) {
    try {
      // title and summary are required with output; the same values again leave them as they are.
      await client.rest.checks.update({ owner: content.repo.owner, repo: content.repo.repo, check_run_id: result.id, output: { ...output, annotations: batch } });
      result.annotationsSent += batch.length;
    } catch (error) {
      result.annotationError = error;
      break;
    }
  }
  return result;
}
