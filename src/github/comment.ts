/**
 * The sticky PR comment: one per comment key, found again by a hidden marker AND by its author,
 * edited in place. Never deleted and recreated (links to it keep working, no notification
 * storm), never a copy someone else pasted or another bot wrote.
 */
import type { GithubClient } from './client.ts';
import { COMMENT_BODY_LIMIT, fitMarkdown } from './text-limits.ts';
import { isTransient } from './write-failure.ts';

export interface StickyCommentTarget {
  repo: { owner: string; repo: string };
  issueNumber: number;
  /** Which comment this run owns (default: the job id). Never a run id, attempt or SHA: re-runs must find the same comment. */
  commentKey: string;
  /**
   * The login the token writes as (`github-actions[bot]` for the workflow token). Asked only when
   * some comment carries our marker: a first run creates its comment without knowing it.
   */
  authorLogin: () => Promise<string>;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
  /** Who the comment is by, as GitHub answered (the token's identity). */
  author: string | null;
}

/** Attempts at "find, else create" when a create fails in a way that may still have landed. */
const CREATE_ATTEMPTS = 3;

/**
 * The hidden marker for KEY. The key is percent-encoded (with `-`, `!` and friends too) so that
 * no key can end the HTML comment (`-->`, `--!>`) or hide another key's marker inside it.
 */
export function commentMarker(commentKey: string): string {
  const safeKey = encodeURIComponent(commentKey).replace(/[-!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `<!-- repro-check:comment-key=${safeKey} -->`;
}

/** The full comment text: marker first, then BODY fitted so the whole stays within GitHub's limit. */
export function stickyCommentBody(commentKey: string, body: string): string {
  const marker = `${commentMarker(commentKey)}\n`;
  return marker + fitMarkdown(body, COMMENT_BODY_LIMIT - marker.length, '> ✂️ **Report truncated** to fit GitHub\'s comment size limit; the full report is in the job summary and the run\'s artifact.');
}

/** Whether COMMENT is ours: it carries the marker as a line of its own and was written by AUTHORLOGIN. */
export function isOwnStickyComment(comment: { body?: string | null; user?: { login: string } | null }, marker: string, authorLogin: string): boolean {
  const login = comment.user?.login;
  return login !== undefined && login.toLowerCase() === authorLogin.toLowerCase() && (comment.body ?? '').split('\n')[0] === marker;
}

/** Creates or updates the sticky comment for TARGET with BODY (markdown; fitted to the size limit). Throws the API error when it cannot. */
export async function upsertStickyComment(client: GithubClient, target: StickyCommentTarget, body: string, debug: (message: string) => void): Promise<StickyCommentResult> {
  const marker = commentMarker(target.commentKey);
  const fullBody = stickyCommentBody(target.commentKey, body);
  const where = { owner: target.repo.owner, repo: target.repo.repo, issue_number: target.issueNumber };

  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
    // Listed again on every attempt: a create whose answer was lost (timeout, 502) may have landed.
    const comments = await client.paginate(client.rest.issues.listComments, { ...where, per_page: 100 });
    const marked = comments.filter((comment) => (comment.body ?? '').split('\n')[0] === marker);
    // Anyone can paste our marker: only the token's own comment is ever edited.
    const authorLogin = marked.length > 0 ? await target.authorLogin() : null;
    const own = authorLogin === null ? [] : marked.filter((comment) => isOwnStickyComment(comment, marker, authorLogin));
    const existing = own[0];
    if (own.length > 1) debug(`${own.length} comments carry the marker for "${target.commentKey}"; updating the oldest (${existing!.id}) only.`);
    if (existing) {
      if (existing.body === fullBody) return { action: 'unchanged', id: existing.id, url: existing.html_url, author: existing.user?.login ?? null };
      const updated = await client.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: existing.id, body: fullBody });
      return { action: 'updated', id: updated.data.id, url: updated.data.html_url, author: updated.data.user?.login ?? null };
    }
    try {
      // No automatic retry for the create: a retried POST whose first answer was lost duplicates the comment.
      const created = await client.rest.issues.createComment({ ...where, body: fullBody, request: { retries: 0 } });
      return { action: 'created', id: created.data.id, url: created.data.html_url, author: created.data.user?.login ?? null };
    } catch (error) {
      if (!isTransient(error)) throw error;
      lastError = error;
      debug(`creating the PR comment failed (attempt ${attempt} of ${CREATE_ATTEMPTS}): ${(error as Error).message}; looking for it before trying again.`);
    }
  }
  throw lastError;
}
