/**
 * The sticky PR comment: one per comment key, found again by a hidden marker AND by its author,
 * edited in place. Never deleted and recreated (links to it keep working, no notification
 * storm), never a copy someone else pasted or another bot wrote.
 */
import type { GithubClient } from './client.ts';
import { COMMENT_BODY_LIMIT, fitMarkdown } from './text-limits.ts';
import { findOrCreate } from './find-or-create.ts';

export interface StickyCommentTarget {
  repo: { owner: string; repo: string };
  issueNumber: number;
  /** Which comment this run owns (default: the job id). Never a run id, attempt or SHA: re-runs must find the same comment. */
  commentKey: string;
  /**
   * The login the token writes as (`github-actions[bot]` for the workflow token), or null when it
   * cannot be learned: then the oldest marked comment by a bot account is taken as ours (an App
   * token writes as `<slug>[bot]`). Asked only when some comment carries our marker: a first run
   * creates its comment without knowing it.
   */
  authorLogin: () => Promise<string | null>;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
  /** Who the comment is by, as GitHub answered (the token's identity). */
  author: string | null;
  /** Extra copies by the same author (left by an earlier fault) that were deleted. */
  duplicatesDeleted: number;
}

/**
 * The hidden marker for KEY. The key is percent-encoded (with `-`, `!` and friends too) so that
 * no key can end the HTML comment (`-->`, `--!>`) or hide another key's marker inside it.
 */
export function commentMarker(commentKey: string): string {
  const safeKey = encodeURIComponent(commentKey).replace(
    /[-!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `<!-- repro-check:comment-key=${safeKey} -->`;
}

/** The full comment text: marker first, then BODY fitted so the whole stays within GitHub's limit. */
export function stickyCommentBody(commentKey: string, body: string): string {
  const marker = `${commentMarker(commentKey)}\n`;
  return (
    marker +
    fitMarkdown(
      body,
      COMMENT_BODY_LIMIT - marker.length,
      "> ✂️ **Report truncated** to fit GitHub's comment size limit; the full report is in the job summary and the run's artifact.",
    )
  );
}

type IssueComment = {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
};

/** The comments that carry MARKER as their first line, oldest first (pure). */
export function markedComments<C extends IssueComment>(comments: readonly C[], marker: string): C[] {
  return comments.filter((comment) => (comment.body ?? '').split('\n')[0] === marker).sort((a, b) => a.id - b.id);
}

/**
 * Which of the MARKED comments (oldest first) are ours: those by AUTHORLOGIN; when it is unknown
 * (null), those by the author of the oldest marked comment written by a bot account (an App or
 * the workflow token writes as `<slug>[bot]`; a person pasting our marker is never taken). Pure.
 */
export function ownStickyComments<C extends IssueComment>(marked: readonly C[], authorLogin: string | null): C[] {
  const isBot = (comment: C) => comment.user?.type === 'Bot' || (comment.user?.login ?? '').endsWith('[bot]');
  const login = authorLogin ?? marked.find(isBot)?.user?.login ?? null;
  return login === null ? [] : marked.filter((comment) => comment.user?.login.toLowerCase() === login.toLowerCase());
}

/**
 * Creates or updates the sticky comment for TARGET with BODY (markdown; fitted to the size limit),
 * and deletes extra copies of it by the same author (an earlier fault's duplicates), keeping the
 * oldest. Throws the API error when it cannot write the comment; a failed delete is only logged.
 */
export async function upsertStickyComment(
  client: GithubClient,
  target: StickyCommentTarget,
  body: string,
  debug: (message: string) => void,
): Promise<StickyCommentResult> {
  const marker = commentMarker(target.commentKey);
  const fullBody = stickyCommentBody(target.commentKey, body);
  const where = { owner: target.repo.owner, repo: target.repo.repo, issue_number: target.issueNumber };

  const { value: own, created } = await findOrCreate<IssueComment[]>(
    async () => {
      const comments = await client.paginate(client.rest.issues.listComments, { ...where, per_page: 100 });
      const marked = markedComments(comments, marker);
      // Anyone can paste our marker: only the token's own comments are ever edited or deleted.
      const mine = marked.length > 0 ? ownStickyComments(marked, await target.authorLogin()) : [];
      return mine.length > 0 ? mine : undefined;
    },
    async () => [(await client.rest.issues.createComment({ ...where, body: fullBody, request: { retries: 0 } })).data],
    (error, attempt) =>
      debug(
        `creating the PR comment failed (attempt ${attempt}): ${(error as Error).message}; looking for it before trying again.`,
      ),
  );
  const [kept, ...extras] = own as [IssueComment, ...IssueComment[]];
  let duplicatesDeleted = 0;
  for (const extra of extras) {
    try {
      await client.rest.issues.deleteComment({ owner: where.owner, repo: where.repo, comment_id: extra.id });
      duplicatesDeleted += 1;
    } catch (error) {
      debug(`could not delete the duplicate PR comment ${extra.id}: ${(error as Error).message}`);
    }
  }
  if (extras.length > 0)
    debug(
      `${own.length} comments carry the marker for "${target.commentKey}"; kept the oldest (${kept.id}), deleted ${duplicatesDeleted}.`,
    );
  const result = (action: StickyCommentResult['action'], comment: IssueComment): StickyCommentResult => ({
    action,
    id: comment.id,
    url: comment.html_url,
    author: comment.user?.login ?? null,
    duplicatesDeleted,
  });
  if (created) return result('created', kept);
  if (kept.body === fullBody) return result('unchanged', kept);
  const updated = await client.rest.issues.updateComment({
    owner: where.owner,
    repo: where.repo,
    comment_id: kept.id,
    body: fullBody,
  });
  return result('updated', updated.data);
}
