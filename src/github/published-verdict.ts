/**
 * The verdict as the `check` job hands it to a `mode: publish` job (the two-job pattern):
 * `published-verdict.json` in the run artifact. It carries what the check decided and how to
 * show it — outcome, report, headline, annotations — and nothing about where to publish: the
 * publish job takes the repository, commit, PR, check name and comment key from its own event
 * and settings, so a tampered file can at most misstate its own run's verdict (which the
 * training controls anyway), never post on another commit, PR or status context.
 */
import { z } from 'zod';
import { InputFileError } from '../errors.ts';
import { PUBLISH_OUTCOMES, type PublishInput } from './publish.ts';

export const PUBLISHED_VERDICT_FILE = 'published-verdict.json';
const KIND = 'repro-check/published-verdict';
const SCHEMA_VERSION = 1;

/** The part of a PublishInput the check job decides. */
export type PublishedVerdict = Pick<
  PublishInput,
  'outcome' | 'failOnDrift' | 'commentBody' | 'summary' | 'annotations'
> & { headline?: string };

/** Bounds keep a hostile file from costing more than a real report could: GitHub would cut anything longer. */
const LONGEST_TEXT = 1 << 20;
const MOST_ANNOTATIONS = 1000;

const text = z.string().max(LONGEST_TEXT);
const verdictSchema = z.strictObject({
  kind: z.literal(KIND),
  schemaVersion: z.literal(SCHEMA_VERSION),
  outcome: z.enum(PUBLISH_OUTCOMES),
  failOnDrift: z.boolean(),
  commentBody: text,
  summary: text,
  headline: text.optional(),
  annotations: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(4096),
        startLine: z.number().int().positive(),
        endLine: z.number().int().positive(),
        level: z.enum(['failure', 'warning', 'notice']),
        title: text,
        message: text,
      }),
    )
    .max(MOST_ANNOTATIONS),
});

/** The artifact file a `mode: publish` job reads: VERDICT as JSON with its kind and schema version. Pure. */
export function encodePublishedVerdict(verdict: PublishedVerdict): string {
  return `${JSON.stringify({ kind: KIND, schemaVersion: SCHEMA_VERSION, ...verdict }, null, 2)}\n`;
}

/**
 * Reads TEXT (the content of FILE) back into a verdict. Throws an InputFileError naming FILE and
 * every field that is missing or not accepted.
 */
export function decodePublishedVerdict(text: string, file: string): PublishedVerdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, undefined, `is not valid JSON (${(error as Error).message})`, {
      hint: 'It is written by repro-check in `mode: check`; publish only artifacts that a check job uploaded.',
    });
  }
  const parsed = verdictSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new InputFileError(
      file,
      undefined,
      `is not a repro-check verdict of schemaVersion ${SCHEMA_VERSION}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      {
        hint: 'Give the publish job the same repro-check version as the check job.',
      },
    );
  }
  const { kind: _kind, schemaVersion: _version, headline, ...verdict } = parsed.data;
  return { ...verdict, ...(headline === undefined ? {} : { headline }) };
}

/**
 * VERDICT (a drift) accepted by the accept label, as the publish job finds it: the check job of
 * the two-job pattern holds no token to look the label up. Outcome `accepted`, the acceptance
 * first in the report, annotations lowered to warnings (pure).
 */
export function acceptedVerdict(
  verdict: PublishedVerdict,
  acceptance: { login: string; at: string },
  label: string,
): PublishedVerdict {
  const note = `> ☑️ Drift accepted by @${acceptance.login} at ${acceptance.at} (label \`${label}\` on the pull request); the baseline update after merge records the new numbers.`;
  return {
    ...verdict,
    outcome: 'accepted',
    headline: `Accepted by @${acceptance.login} (label ${label}): ${verdict.headline ?? 'drift'}`,
    commentBody: `${note}\n\n${verdict.commentBody}`,
    summary: `${note}\n\n${verdict.summary}`,
    annotations: verdict.annotations.map((annotation) => ({
      ...annotation,
      level: annotation.level === 'failure' ? 'warning' : annotation.level,
    })),
  };
}
