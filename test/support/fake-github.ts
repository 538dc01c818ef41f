/**
 * A loopback fake of GitHub's REST API for tests (the real thing is not reachable here, and a
 * test must see every request our code makes).
 *
 * ```ts
 * const fake = await startFakeGithub();              // 127.0.0.1, random port
 * const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true });
 * fake.state.addPull('octo', 'repo', { number: 7 });
 * fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/check-runs', status: 403 });
 * ... run the code under test ...
 * assert.deepEqual(fake.validationFailures(), []);  // every request matched GitHub's description
 * await fake.close();
 * ```
 *
 * - Every request is checked against `@octokit/openapi`'s api.github.com description: an unknown
 *   method + path answers 404 and a query or JSON body that the operation's schema refuses
 *   answers 422 (both recorded in `validationFailures()`); known operations the fake does not
 *   model answer 501.
 * - Every request is recorded in `requests` (method, path, query, body, headers, the matched
 *   operationId, the status answered, whether a fault answered it).
 * - State (`state`, see fake-github-state.ts) is in memory and per server: issue comments, commit
 *   statuses, check runs (annotations appended), pull requests, issues, labels and their events,
 *   collaborator permissions, git refs and file contents.
 * - Writes are authored by the token's login: `tokenLogins.get(token)`, else `defaultLogin`
 *   (`github-actions[bot]` unless `options.defaultLogin` says otherwise).
 * - Faults: `injectFault(rule)` queues a rule; the first queued rule matching a request answers
 *   it instead (`status`, `headers`, `body`), after `delayMs` if given. A rule with no `status`
 *   only delays the normal answer (the write lands at once; the reply comes late). `lands: true`
 *   applies the request to the state before answering with the fault (a write whose reply was
 *   lost, e.g. a 502 from a proxy). `secondaryRateLimit(seconds)` gives GitHub's documented 403.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubRequestChecker, type MatchedOperation } from './openapi-validator.ts';
import {
  FakeGithubState,
  fakeUser,
  gitBlobSha,
  type FakeCheckRun,
  type FakeComment,
  type FakeIssue,
  type FakeIssueEvent,
  type FakePull,
  type FakeRepo,
  type FakeStatus,
  type FakeUser,
} from './fake-github-state.ts';

export { FakeGithubState } from './fake-github-state.ts';
export type * from './fake-github-state.ts';

export interface FakeGithubOptions {
  /** Login of the identity writes are attributed to when the token is not in `tokenLogins`. Default `github-actions[bot]`. */
  defaultLogin?: string;
  /** Token -> login (e.g. a PAT belonging to a person). */
  tokenLogins?: Record<string, string>;
}

export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /**
   * Which paths: a RegExp tested on the request path, or a string equal to the request path or
   * to the description's templated path (`/repos/{owner}/{repo}/issues/{issue_number}/comments`).
   * Any path when absent.
   */
  pathPattern?: RegExp | string;
  /** How many matching requests this rule answers; default 1 (Infinity for all). */
  times?: number;
  /** Status to answer; absent: answer normally, only after `delayMs`. */
  status?: number;
  headers?: Record<string, string>;
  /** Response body; default GitHub's usual `{ message, documentation_url }` for the status. */
  body?: unknown;
  delayMs?: number;
  /** Apply the request to the state before answering with the fault. */
  lands?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
  headers: http.IncomingHttpHeaders;
  /** The description's operationId, or null for an unknown method + path. */
  operationId: string | null;
  /** Problems found by the OpenAPI check (empty when valid). */
  validationErrors: string[];
  /** The status answered (0 while still pending). */
  status: number;
  /** Whether an injected fault answered (or delayed) it. */
  faulted: boolean;
}

export interface FakeGithub {
  /** Base URL to hand to the client, e.g. `http://127.0.0.1:41234`. */
  url: string;
  state: FakeGithubState;
  requests: RecordedRequest[];
  tokenLogins: Map<string, string>;
  defaultLogin: string;
  injectFault(rule: FaultRule): void;
  /** Requests that did not match the description or failed its schema, as `METHOD path: problem` lines. */
  validationFailures(): string[];
  /** Recorded requests for OPERATIONID (e.g. `issues/create-comment`). */
  requestsFor(operationId: string): RecordedRequest[];
  close(): Promise<void>;
}

/** GitHub's documented secondary-rate-limit answer (403 + retry-after), for `injectFault`. */
export function secondaryRateLimit(retryAfterSeconds = 1): Pick<FaultRule, 'status' | 'headers' | 'body'> {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining': '4000' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  };
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Requires authentication',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Internal Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface HandlerContext {
  state: FakeGithubState;
  repo: FakeRepo;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  user: FakeUser;
  baseUrl: string;
  path: string;
}

type Handler = (ctx: HandlerContext) => Answer;

export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  const checker = githubRequestChecker();
  const state = new FakeGithubState();
  const requests: RecordedRequest[] = [];
  const faults: Array<FaultRule & { remaining: number }> = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', fake.url);
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: undefined,
        headers: req.headers,
        operationId: null,
        validationErrors: [],
        status: 0,
        faulted: false,
      };
      requests.push(record);
      const send = (answer: Answer): void => {
        record.status = answer.status;
        if (res.destroyed) return; // the client gave up (its timeout); the answer is lost, as on a real network
        const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
        res.end(payload);
      };
      const later = (delayMs: number | undefined, action: () => void): void => {
        if (!delayMs) return action();
        const timer = setTimeout(() => {
          timers.delete(timer);
          action();
        }, delayMs);
        timers.add(timer);
      };

      const text = Buffer.concat(chunks).toString('utf8');
      if (text !== '') {
        try {
          record.body = JSON.parse(text);
        } catch {
          record.validationErrors.push('body: not JSON');
          return send(errorAnswer(400, 'Problems parsing JSON'));
        }
      }

      const matched = checker.match(record.method, record.path);
      if (!matched) {
        const others = checker.methodsFor(record.path);
        record.validationErrors.push(
          others.length
            ? `no ${record.method} operation (only ${others.join(', ')})`
            : 'no such path in the description',
        );
        return send(
          errorAnswer(
            404,
            `Not Found (fake-github: ${record.method} ${record.path} is not in GitHub's OpenAPI description)`,
          ),
        );
      }
      record.operationId = matched.operationId;
      record.validationErrors.push(...checker.validate(record.method, matched, record.query, record.body));
      if (record.validationErrors.length > 0) {
        return send({
          status: 422,
          body: {
            message: 'Invalid request.',
            errors: record.validationErrors,
            documentation_url: 'https://docs.github.com/rest',
          },
        });
      }

      const handle = (): Answer => handleOperation(matched, record, req.headers.authorization);
      const fault = takeFault(record, matched);
      if (!fault) return send(handle());
      record.faulted = true;
      if (fault.status === undefined) {
        const answer = handle();
        return later(fault.delayMs, () => send(answer));
      }
      if (fault.lands) handle();
      const faultAnswer: Answer = {
        status: fault.status,
        body: fault.body ?? {
          message: DEFAULT_MESSAGES[fault.status] ?? 'Error',
          documentation_url: 'https://docs.github.com/rest',
        },
        ...(fault.headers ? { headers: fault.headers } : {}),
      };
      later(fault.delayMs, () => send(faultAnswer));
    });
  });

  function takeFault(record: RecordedRequest, matched: MatchedOperation): FaultRule | undefined {
    const index = faults.findIndex(
      (rule) =>
        rule.remaining > 0 &&
        (rule.method === undefined || rule.method.toUpperCase() === record.method) &&
        (rule.pathPattern === undefined ||
          (rule.pathPattern instanceof RegExp
            ? rule.pathPattern.test(record.path)
            : rule.pathPattern === record.path || rule.pathPattern === matched.template)),
    );
    if (index < 0) return undefined;
    const rule = faults[index]!;
    rule.remaining -= 1;
    if (rule.remaining <= 0) faults.splice(index, 1);
    return rule;
  }

  function handleOperation(
    matched: MatchedOperation,
    record: RecordedRequest,
    authorization: string | undefined,
  ): Answer {
    const handler = HANDLERS[matched.operationId];
    if (!handler) return errorAnswer(501, `fake-github does not model ${matched.operationId}`);
    const token = authorization?.replace(/^(token|bearer)\s+/i, '');
    if (!token && record.method !== 'GET') return errorAnswer(401, DEFAULT_MESSAGES[401]!);
    const login = (token && fake.tokenLogins.get(token)) || fake.defaultLogin;
    const owner = matched.params['owner'] ?? '';
    const name = matched.params['repo'] ?? '';
    return handler({
      state,
      repo: state.repo(owner, name),
      params: matched.params,
      query: record.query,
      body: (record.body ?? {}) as Record<string, unknown>,
      user: fakeUser(login),
      baseUrl: fake.url,
      path: record.path,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeGithub = {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    tokenLogins: new Map(Object.entries(options.tokenLogins ?? {})),
    defaultLogin: options.defaultLogin ?? 'github-actions[bot]',
    injectFault(rule) {
      faults.push({ ...rule, remaining: rule.times ?? 1 });
    },
    validationFailures() {
      return requests
        .filter((r) => r.validationErrors.length > 0)
        .map((r) => `${r.method} ${r.path}: ${r.validationErrors.join('; ')}`);
    },
    requestsFor(operationId) {
      return requests.filter((r) => r.operationId === operationId);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function errorAnswer(status: number, message: string): Answer {
  return { status, body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) } };
}

// ---- pagination ---------------------------------------------------------------------------

/** One page of ITEMS as GitHub serves it: `per_page` (default 30, at most 100), `page`, a Link header. */
function paginated<T>(ctx: HandlerContext, items: T[], toJson: (item: T) => unknown): Answer {
  const perPage = Math.min(Math.max(Number(ctx.query['per_page'] ?? 30) || 30, 1), 100);
  const page = Math.max(Number(ctx.query['page'] ?? 1) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string): string => {
    const url = new URL(ctx.path, ctx.baseUrl);
    for (const [k, v] of Object.entries(ctx.query)) url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage).map(toJson),
    ...(links.length ? { headers: { link: links.join(', ') } } : {}),
  };
}

// ---- JSON shapes (the fields clients read; GitHub sends more) --------------------------------

function userJson(user: FakeUser, baseUrl: string): Record<string, unknown> {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    type: user.type,
    site_admin: false,
    url: `${baseUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: `https://github.com/${user.login}`,
  };
}

function repoJson(repo: FakeRepo, fullName: string, baseUrl: string): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id: 1,
    name,
    full_name: fullName,
    owner: { login: owner },
    private: false,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${fullName}`,
    url: `${baseUrl}/repos/${fullName}`,
  };
}

function commentJson(repo: FakeRepo, comment: FakeComment, baseUrl: string): Record<string, unknown> {
  const repoUrl = `${baseUrl}/repos/${repo.owner}/${repo.name}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(comment.user, baseUrl),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
  };
}

function statusJson(status: FakeStatus, baseUrl: string): Record<string, unknown> {
  return {
    id: status.id,
    node_id: `SC_${status.id}`,
    state: status.state,
    context: status.context,
    description: status.description,
    target_url: status.targetUrl,
    creator: userJson(status.creator, baseUrl),
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

function checkRunJson(repo: FakeRepo, run: FakeCheckRun, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}/repos/${repo.owner}/${repo.name}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    name: run.name,
    head_sha: run.headSha,
    status: run.status,
    conclusion: run.conclusion,
    details_url: run.detailsUrl,
    external_id: run.externalId,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    url,
    html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${run.id}`,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${url}/annotations` },
    app: { slug: 'github-actions' },
    pull_requests: [],
  };
}

function pullJson(
  repo: FakeRepo,
  pull: FakePull,
  state: FakeIssue | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const headOwner = pull.head.repo.split('/')[0];
  return {
    id: pull.number + 500000,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    merged: pull.merged,
    maintainer_can_modify: pull.maintainerCanModify,
    user: userJson(pull.user, baseUrl),
    labels: (state?.labels ?? []).map((name) => ({ name })),
    head: {
      ref: pull.head.ref,
      sha: pull.head.sha,
      label: `${headOwner}:${pull.head.ref}`,
      repo: repoJson(repo, pull.head.repo, baseUrl),
    },
    base: {
      ref: pull.base.ref,
      sha: pull.base.sha,
      label: `${repo.owner}:${pull.base.ref}`,
      repo: repoJson(repo, fullName, baseUrl),
    },
    url: `${baseUrl}/repos/${fullName}/pulls/${pull.number}`,
    html_url: `https://github.com/${fullName}/pull/${pull.number}`,
  };
}

function issueJson(repo: FakeRepo, issue: FakeIssue, baseUrl: string): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  return {
    id: issue.number + 900000,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user, baseUrl),
    labels: issue.labels.map((name) => ({ name })),
    url: `${baseUrl}/repos/${fullName}/issues/${issue.number}`,
    html_url: `https://github.com/${fullName}/issues/${issue.number}`,
    ...(repo.pulls.some((p) => p.number === issue.number)
      ? { pull_request: { url: `${baseUrl}/repos/${fullName}/pulls/${issue.number}` } }
      : {}),
  };
}

function labelJson(name: string): Record<string, unknown> {
  return { id: name.length, node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null };
}

function eventJson(event: FakeIssueEvent, baseUrl: string): Record<string, unknown> {
  return {
    id: event.id,
    node_id: `LE_${event.id}`,
    event: event.event,
    actor: userJson(event.actor, baseUrl),
    created_at: event.createdAt,
    label: { name: event.label, color: 'ededed' },
  };
}

function refJson(repo: FakeRepo, ref: string, sha: string, baseUrl: string): Record<string, unknown> {
  return {
    ref,
    node_id: `REF_${ref}`,
    url: `${baseUrl}/repos/${repo.owner}/${repo.name}/git/${ref}`,
    object: { sha, type: 'commit', url: `${baseUrl}/repos/${repo.owner}/${repo.name}/git/commits/${sha}` },
  };
}

// ---- operations ---------------------------------------------------------------------------

const now = (): string => new Date().toISOString();
const num = (text: string | undefined): number => Number(text);

function findComment(ctx: HandlerContext): FakeComment | undefined {
  return ctx.repo.comments.find((c) => c.id === num(ctx.params['comment_id']));
}

function findPull(ctx: HandlerContext): FakePull | undefined {
  return ctx.repo.pulls.find((p) => p.number === num(ctx.params['pull_number']));
}

function findIssueNumber(ctx: HandlerContext): number | undefined {
  const number = num(ctx.params['issue_number']);
  return ctx.repo.pulls.some((p) => p.number === number) || ctx.repo.issues.some((i) => i.number === number)
    ? number
    : undefined;
}

function fileAt(
  repo: FakeRepo,
  ref: string | undefined,
  filePath: string,
): { sha: string; content: string } | undefined {
  const sha = resolveRef(repo, ref ?? repo.defaultBranch);
  return sha === undefined ? undefined : repo.trees.get(sha)?.get(filePath);
}

function resolveRef(repo: FakeRepo, ref: string): string | undefined {
  if (repo.trees.has(ref)) return ref;
  return repo.refs.get(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`) ?? repo.refs.get(`refs/tags/${ref}`);
}

/** Whether commit ANCESTOR is SHA or one of its ancestors, following the parents the fake recorded. */
function isAncestor(repo: FakeRepo, ancestor: string, sha: string): boolean {
  for (let at: string | undefined = sha; at !== undefined; at = repo.parents.get(at)) if (at === ancestor) return true;
  return false;
}

function addLabelsBody(body: unknown): string[] {
  if (Array.isArray(body)) return body.map((l) => (typeof l === 'string' ? l : String((l as { name: string }).name)));
  const labels = (body as { labels?: unknown[] }).labels ?? [];
  return labels.map((l) => (typeof l === 'string' ? l : String((l as { name: string }).name)));
}

const HANDLERS: Record<string, Handler> = {
  'repos/get': (ctx) => ({ status: 200, body: repoJson(ctx.repo, `${ctx.repo.owner}/${ctx.repo.name}`, ctx.baseUrl) }),
  // GitHub answers a person's token (PAT, OAuth) here; App installation and workflow tokens get 403.
  'users/get-authenticated': (ctx) =>
    ctx.user.type === 'Bot'
      ? errorAnswer(403, 'Resource not accessible by integration')
      : { status: 200, body: userJson(ctx.user, ctx.baseUrl) },

  // issue comments
  'issues/list-comments': (ctx) => {
    const number = findIssueNumber(ctx);
    if (number === undefined) return errorAnswer(404, 'Not Found');
    return paginated(
      ctx,
      ctx.repo.comments.filter((c) => c.issueNumber === number),
      (c) => commentJson(ctx.repo, c, ctx.baseUrl),
    );
  },
  'issues/create-comment': (ctx) => {
    const number = findIssueNumber(ctx);
    if (number === undefined) return errorAnswer(404, 'Not Found');
    const at = now();
    const comment: FakeComment = {
      id: FakeGithubState.newId(),
      issueNumber: number,
      body: String(ctx.body['body']),
      user: ctx.user,
      createdAt: at,
      updatedAt: at,
    };
    ctx.repo.comments.push(comment);
    return { status: 201, body: commentJson(ctx.repo, comment, ctx.baseUrl) };
  },
  'issues/get-comment': (ctx) => {
    const comment = findComment(ctx);
    return comment ? { status: 200, body: commentJson(ctx.repo, comment, ctx.baseUrl) } : errorAnswer(404, 'Not Found');
  },
  'issues/update-comment': (ctx) => {
    const comment = findComment(ctx);
    if (!comment) return errorAnswer(404, 'Not Found');
    if (comment.user.login !== ctx.user.login) return errorAnswer(403, DEFAULT_MESSAGES[403]!);
    comment.body = String(ctx.body['body']);
    comment.updatedAt = now();
    return { status: 200, body: commentJson(ctx.repo, comment, ctx.baseUrl) };
  },
  'issues/delete-comment': (ctx) => {
    const comment = findComment(ctx);
    if (!comment) return errorAnswer(404, 'Not Found');
    ctx.repo.comments.splice(ctx.repo.comments.indexOf(comment), 1);
    return { status: 204 };
  },

  // commit statuses
  'repos/create-commit-status': (ctx) => {
    const status: FakeStatus = {
      id: FakeGithubState.newId(),
      sha: ctx.params['sha']!,
      state: ctx.body['state'] as FakeStatus['state'],
      context: (ctx.body['context'] as string | undefined) ?? 'default',
      description: (ctx.body['description'] as string | null | undefined) ?? null,
      targetUrl: (ctx.body['target_url'] as string | null | undefined) ?? null,
      creator: ctx.user,
      createdAt: now(),
    };
    if (status.description !== null && status.description.length > 140)
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'Status',
              code: 'custom',
              field: 'description',
              message: 'description is too long (maximum is 140 characters)',
            },
          ],
        },
      };
    ctx.repo.statuses.push(status);
    return { status: 201, body: statusJson(status, ctx.baseUrl) };
  },
  'repos/list-commit-statuses-for-ref': (ctx) => {
    const sha = resolveRef(ctx.repo, ctx.params['ref']!) ?? ctx.params['ref']!;
    return paginated(ctx, ctx.repo.statuses.filter((s) => s.sha === sha).reverse(), (s) => statusJson(s, ctx.baseUrl));
  },

  // check runs
  'checks/create': (ctx) => {
    const output = (ctx.body['output'] ?? {}) as {
      title?: string;
      summary?: string;
      text?: string;
      annotations?: FakeCheckRun['annotations'];
    };
    const conclusion = (ctx.body['conclusion'] as string | undefined) ?? null;
    const run: FakeCheckRun = {
      id: FakeGithubState.newId(),
      name: String(ctx.body['name']),
      headSha: String(ctx.body['head_sha']),
      status: conclusion ? 'completed' : ((ctx.body['status'] as string | undefined) ?? 'queued'),
      conclusion,
      detailsUrl: (ctx.body['details_url'] as string | undefined) ?? null,
      externalId: (ctx.body['external_id'] as string | undefined) ?? null,
      output: { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null },
      annotations: [...(output.annotations ?? [])],
      startedAt: (ctx.body['started_at'] as string | undefined) ?? now(),
      completedAt: conclusion ? ((ctx.body['completed_at'] as string | undefined) ?? now()) : null,
    };
    ctx.repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(ctx.repo, run, ctx.baseUrl) };
  },
  'checks/update': (ctx) => {
    const run = ctx.repo.checkRuns.find((r) => r.id === num(ctx.params['check_run_id']));
    if (!run) return errorAnswer(404, 'Not Found');
    const output = ctx.body['output'] as
      { title?: string; summary?: string; text?: string; annotations?: FakeCheckRun['annotations'] } | undefined;
    if (output) {
      run.output = {
        title: output.title ?? run.output.title,
        summary: output.summary ?? run.output.summary,
        text: output.text ?? run.output.text,
      };
      run.annotations.push(...(output.annotations ?? []));
    }
    for (const [field, key] of [
      ['name', 'name'],
      ['details_url', 'detailsUrl'],
      ['external_id', 'externalId'],
      ['status', 'status'],
    ] as const) {
      if (typeof ctx.body[field] === 'string') (run as unknown as Record<string, unknown>)[key] = ctx.body[field];
    }
    if (typeof ctx.body['conclusion'] === 'string') {
      run.conclusion = ctx.body['conclusion'];
      run.status = 'completed';
      run.completedAt = (ctx.body['completed_at'] as string | undefined) ?? now();
    }
    return { status: 200, body: checkRunJson(ctx.repo, run, ctx.baseUrl) };
  },
  'checks/get': (ctx) => {
    const run = ctx.repo.checkRuns.find((r) => r.id === num(ctx.params['check_run_id']));
    return run ? { status: 200, body: checkRunJson(ctx.repo, run, ctx.baseUrl) } : errorAnswer(404, 'Not Found');
  },
  'checks/list-annotations': (ctx) => {
    const run = ctx.repo.checkRuns.find((r) => r.id === num(ctx.params['check_run_id']));
    return run ? paginated(ctx, run.annotations, (a) => a) : errorAnswer(404, 'Not Found');
  },
  'checks/list-for-ref': (ctx) => {
    const sha = resolveRef(ctx.repo, ctx.params['ref']!) ?? ctx.params['ref']!;
    const runs = ctx.repo.checkRuns.filter(
      (r) => r.headSha === sha && (ctx.query['check_name'] === undefined || r.name === ctx.query['check_name']),
    );
    const page = paginated(ctx, runs, (r) => checkRunJson(ctx.repo, r, ctx.baseUrl));
    return { ...page, body: { total_count: runs.length, check_runs: page.body } };
  },

  // pull requests
  'pulls/get': (ctx) => {
    const pull = findPull(ctx);
    return pull
      ? {
          status: 200,
          body: pullJson(
            ctx.repo,
            pull,
            ctx.repo.issues.find((i) => i.number === pull.number),
            ctx.baseUrl,
          ),
        }
      : errorAnswer(404, 'Not Found');
  },
  'pulls/list': (ctx) => {
    const wanted = ctx.query['state'] ?? 'open';
    const pulls = ctx.repo.pulls.filter(
      (p) =>
        (wanted === 'all' || p.state === wanted) &&
        (ctx.query['base'] === undefined || p.base.ref === ctx.query['base']) &&
        (ctx.query['head'] === undefined || `${p.head.repo.split('/')[0]}:${p.head.ref}` === ctx.query['head']),
    );
    return paginated(ctx, pulls, (p) =>
      pullJson(
        ctx.repo,
        p,
        ctx.repo.issues.find((i) => i.number === p.number),
        ctx.baseUrl,
      ),
    );
  },
  'pulls/create': (ctx) => {
    const headText = String(ctx.body['head']);
    const [headOwner, headRef] = headText.includes(':')
      ? (headText.split(':', 2) as [string, string])
      : [ctx.repo.owner, headText];
    const base = String(ctx.body['base']);
    const headSha = ctx.repo.refs.get(`refs/heads/${headRef}`);
    const baseSha = ctx.repo.refs.get(`refs/heads/${base}`);
    if (!headSha || !baseSha)
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' }],
        },
      };
    if (ctx.repo.pulls.some((p) => p.state === 'open' && p.head.ref === headRef && p.base.ref === base)) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${headOwner}:${headRef}.`,
            },
          ],
        },
      };
    }
    // No number: the state hands out the next issue number, as GitHub does.
    const pull: Omit<FakePull, 'number'> = {
      title: String(ctx.body['title'] ?? headRef),
      body: (ctx.body['body'] as string | undefined) ?? null,
      state: 'open',
      head: { ref: headRef, sha: headSha, repo: `${headOwner}/${ctx.repo.name}` },
      base: { ref: base, sha: baseSha },
      user: ctx.user,
      draft: ctx.body['draft'] === true,
      maintainerCanModify: ctx.body['maintainer_can_modify'] === true,
      merged: false,
    };
    const created = ctx.state.addPull(ctx.repo.owner, ctx.repo.name, pull);
    return { status: 201, body: pullJson(ctx.repo, created, undefined, ctx.baseUrl) };
  },
  'pulls/update': (ctx) => {
    const pull = findPull(ctx);
    if (!pull) return errorAnswer(404, 'Not Found');
    if (typeof ctx.body['title'] === 'string') pull.title = ctx.body['title'];
    if (typeof ctx.body['body'] === 'string') pull.body = ctx.body['body'];
    if (ctx.body['state'] === 'open' || ctx.body['state'] === 'closed') pull.state = ctx.body['state'];
    if (typeof ctx.body['base'] === 'string')
      pull.base = { ref: ctx.body['base'], sha: ctx.repo.refs.get(`refs/heads/${ctx.body['base']}`) ?? pull.base.sha };
    return {
      status: 200,
      body: pullJson(
        ctx.repo,
        pull,
        ctx.repo.issues.find((i) => i.number === pull.number),
        ctx.baseUrl,
      ),
    };
  },

  // issues, labels, events
  'issues/get': (ctx) => {
    const number = findIssueNumber(ctx);
    return number === undefined
      ? errorAnswer(404, 'Not Found')
      : { status: 200, body: issueJson(ctx.repo, ctx.state.issueFor(ctx.repo, number), ctx.baseUrl) };
  },
  'issues/list-for-repo': (ctx) => {
    const wanted = ctx.query['state'] ?? 'open';
    const labels = ctx.query['labels']?.split(',').filter(Boolean) ?? [];
    const issues = ctx.repo.issues.filter(
      (i) => (wanted === 'all' || i.state === wanted) && labels.every((l) => i.labels.includes(l)),
    );
    return paginated(ctx, [...issues].reverse(), (i) => issueJson(ctx.repo, i, ctx.baseUrl));
  },
  'issues/create': (ctx) => {
    const issue: FakeIssue = {
      number: ctx.state.nextIssueNumber(ctx.repo),
      title: String(ctx.body['title']),
      body: (ctx.body['body'] as string | undefined) ?? null,
      state: 'open',
      labels: addLabelsBody({ labels: ctx.body['labels'] ?? [] }),
      user: ctx.user,
    };
    ctx.repo.issues.push(issue);
    return { status: 201, body: issueJson(ctx.repo, issue, ctx.baseUrl) };
  },
  'issues/update': (ctx) => {
    const number = findIssueNumber(ctx);
    if (number === undefined) return errorAnswer(404, 'Not Found');
    const issue = ctx.state.issueFor(ctx.repo, number);
    if (typeof ctx.body['title'] === 'string') issue.title = ctx.body['title'];
    if (typeof ctx.body['body'] === 'string') issue.body = ctx.body['body'];
    if (ctx.body['state'] === 'open' || ctx.body['state'] === 'closed') issue.state = ctx.body['state'];
    if (Array.isArray(ctx.body['labels'])) issue.labels = addLabelsBody({ labels: ctx.body['labels'] });
    return { status: 200, body: issueJson(ctx.repo, issue, ctx.baseUrl) };
  },
  'issues/list-labels-on-issue': (ctx) => {
    const number = findIssueNumber(ctx);
    return number === undefined
      ? errorAnswer(404, 'Not Found')
      : paginated(ctx, ctx.state.issueFor(ctx.repo, number).labels, labelJson);
  },
  'issues/add-labels': (ctx) => {
    const number = findIssueNumber(ctx);
    if (number === undefined) return errorAnswer(404, 'Not Found');
    for (const label of addLabelsBody(ctx.body))
      ctx.state.addLabel(ctx.repo.owner, ctx.repo.name, number, label, ctx.user.login);
    return { status: 200, body: ctx.state.issueFor(ctx.repo, number).labels.map(labelJson) };
  },
  'issues/remove-label': (ctx) => {
    const number = findIssueNumber(ctx);
    if (number === undefined || !ctx.state.removeLabel(ctx.repo, number, ctx.params['name']!, ctx.user.login))
      return errorAnswer(404, 'Label does not exist');
    return { status: 200, body: ctx.state.issueFor(ctx.repo, number).labels.map(labelJson) };
  },
  'issues/list-events': (ctx) => {
    const number = findIssueNumber(ctx);
    return number === undefined
      ? errorAnswer(404, 'Not Found')
      : paginated(
          ctx,
          ctx.repo.issueEvents.filter((e) => e.issueNumber === number),
          (e) => eventJson(e, ctx.baseUrl),
        );
  },

  // workflow runs, newest first, as GitHub lists them (only by workflow file name here)
  'actions/list-workflow-runs': (ctx) => {
    const runs = ctx.repo.workflowRuns.filter(
      (r) =>
        r.workflow === ctx.params['workflow_id'] &&
        (ctx.query['status'] === undefined || r.status === ctx.query['status']),
    );
    const newest = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const perPage = Math.min(Number(ctx.query['per_page'] ?? 30) || 30, 100);
    return {
      status: 200,
      body: {
        total_count: newest.length,
        workflow_runs: newest.slice(0, perPage).map((r) => ({
          id: r.id,
          name: r.workflow,
          event: r.event,
          status: r.status,
          conclusion: r.conclusion,
          created_at: r.createdAt,
          updated_at: r.createdAt,
          html_url: `https://github.com/${ctx.repo.owner}/${ctx.repo.name}/actions/runs/${r.id}`,
        })),
      },
    };
  },

  // collaborators: a login not set in `permissions` is reported as `none`
  'repos/get-collaborator-permission-level': (ctx) => {
    const login = ctx.params['username']!;
    const permission = ctx.repo.permissions.get(login) ?? 'none';
    const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
    return {
      status: 200,
      body: { permission: legacy, role_name: permission, user: userJson(fakeUser(login), ctx.baseUrl) },
    };
  },

  // git refs
  'git/get-ref': (ctx) => {
    const ref = `refs/${ctx.params['ref']}`;
    const sha = ctx.repo.refs.get(ref);
    return sha ? { status: 200, body: refJson(ctx.repo, ref, sha, ctx.baseUrl) } : errorAnswer(404, 'Not Found');
  },
  'git/create-ref': (ctx) => {
    const ref = String(ctx.body['ref']);
    const sha = String(ctx.body['sha']);
    if (!ref.startsWith('refs/') || ref.split('/').length < 3)
      return errorAnswer(422, `${ref} is not a valid ref name.`);
    if (ctx.repo.refs.has(ref)) return errorAnswer(422, 'Reference already exists');
    if (!ctx.repo.trees.has(sha)) return errorAnswer(422, 'Object does not exist');
    ctx.repo.refs.set(ref, sha);
    return { status: 201, body: refJson(ctx.repo, ref, sha, ctx.baseUrl) };
  },
  'git/update-ref': (ctx) => {
    const ref = `refs/${ctx.params['ref']}`;
    const current = ctx.repo.refs.get(ref);
    const sha = String(ctx.body['sha']);
    if (!current) return errorAnswer(422, 'Reference does not exist');
    if (!ctx.repo.trees.has(sha)) return errorAnswer(422, 'Object does not exist');
    if (ctx.body['force'] !== true && !isAncestor(ctx.repo, current, sha))
      return errorAnswer(422, 'Update is not a fast forward');
    ctx.repo.refs.set(ref, sha);
    return { status: 200, body: refJson(ctx.repo, ref, sha, ctx.baseUrl) };
  },

  // file contents (text files; content travels base64 as on GitHub)
  'repos/get-content': (ctx) => {
    const filePath = ctx.params['path']!;
    const file = fileAt(ctx.repo, ctx.query['ref'], filePath);
    if (!file) return errorAnswer(404, 'Not Found');
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        name: filePath.split('/').pop(),
        path: filePath,
        size: Buffer.byteLength(file.content),
        sha: file.sha,
        content: Buffer.from(file.content)
          .toString('base64')
          .replace(/(.{60})/g, '$1\n'),
        url: `${ctx.baseUrl}/repos/${ctx.repo.owner}/${ctx.repo.name}/contents/${filePath}`,
        html_url: `https://github.com/${ctx.repo.owner}/${ctx.repo.name}/blob/${ctx.query['ref'] ?? ctx.repo.defaultBranch}/${filePath}`,
        git_url: null,
        download_url: null,
        _links: { self: '', git: null, html: null },
      },
    };
  },
  'repos/create-or-update-file-contents': (ctx) => {
    const filePath = ctx.params['path']!;
    const branch = (ctx.body['branch'] as string | undefined) ?? ctx.repo.defaultBranch;
    if (!ctx.repo.refs.has(`refs/heads/${branch}`)) return errorAnswer(404, `Branch ${branch} not found`);
    const existing = fileAt(ctx.repo, branch, filePath);
    const givenSha = ctx.body['sha'] as string | undefined;
    if (existing && givenSha === undefined) return errorAnswer(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && givenSha !== existing.sha) return errorAnswer(409, `${filePath} does not match ${givenSha}`);
    const content = Buffer.from(String(ctx.body['content']), 'base64').toString('utf8');
    const parent = ctx.repo.refs.get(`refs/heads/${branch}`)!;
    const sha = ctx.state.commitFiles(
      ctx.repo.owner,
      ctx.repo.name,
      branch,
      { [filePath]: content },
      String(ctx.body['message']),
      ctx.user.login,
    );
    return {
      status: existing ? 200 : 201,
      body: {
        content: {
          name: filePath.split('/').pop(),
          path: filePath,
          sha: gitBlobSha(content),
          size: Buffer.byteLength(content),
          type: 'file',
        },
        commit: { sha, message: String(ctx.body['message']), parents: [{ sha: parent }] },
      },
    };
  },
};
