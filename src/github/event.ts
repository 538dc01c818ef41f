/**
 * What the runner tells us about the event that started the job, read once into one typed
 * object, and the refusals that keep untrusted pull requests off a self-hosted runner.
 *
 * On `pull_request`, `GITHUB_SHA` is a temporary merge commit: everything we publish targets
 * `pull_request.head.sha` (`headSha`), and comparisons take `pull_request.base.sha` (`baseSha`).
 */
import { readFile } from 'node:fs/promises';
import { InputFileError, ReproError } from '../errors.ts';

export interface EventContext {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`, `push`, `workflow_dispatch`, `schedule`. */
  eventName: string;
  repo: { owner: string; repo: string };
  /** `GITHUB_SHA`: what the runner checked out (the merge commit on pull_request). */
  sha: string;
  /** The commit results are published on: the PR head on pull request events, else `sha`. */
  headSha: string;
  /** The PR's base commit, or null outside pull request events. */
  baseSha: string | null;
  /** The PR's head branch (`pull_request.head.ref`, else GITHUB_HEAD_REF), or null outside pull request events. */
  headRef: string | null;
  prNumber: number | null;
  /** The head repository's `owner/name` on pull request events (null when the fork was deleted), else null. */
  headRepoFullName: string | null;
  /** True when the PR's head lives in another repository (or in a deleted one). */
  isForkPr: boolean;
  /** Label names on the PR when the event was sent (later changes need an API read). */
  labels: string[];
  /** `repository.default_branch` from the payload, or null when the payload has none. */
  defaultBranch: string | null;
  /** `GITHUB_REF`, e.g. `refs/pull/7/merge`, `refs/heads/main`. */
  ref: string;
  /** Link to this run (and attempt) on GitHub. */
  runUrl: string;
  runId: string;
  runAttempt: number;
  /** `GITHUB_JOB`: the job's id (not its display name, not its matrix values). */
  job: string;
  workflow: string;
  /** Who started the run: `GITHUB_ACTOR`, else the payload's sender. */
  actor: string;
  serverUrl: string;
  apiUrl: string;
}

/** Environment variables as the runner sets them (process.env or a test's own map). */
export type RunnerEnvironment = Readonly<Record<string, string | undefined>>;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Reads `GITHUB_EVENT_PATH` (when set) and builds the context; the file read is the only side effect. */
export async function readEventContext(env: RunnerEnvironment, readText: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')): Promise<EventContext> {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!eventPath) return buildEventContext(env, {});
  let text: string;
  try {
    text = await readText(eventPath);
  } catch (error) {
    throw new InputFileError(eventPath, undefined, `cannot read the event payload (GITHUB_EVENT_PATH): ${(error as Error).message}`, { cause: error });
  }
  return buildEventContext(env, parseEventPayload(text, eventPath));
}

/** The payload file's JSON object; a file that is not one is an error naming the file. */
export function parseEventPayload(text: string, eventPath: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(eventPath, undefined, `the event payload (GITHUB_EVENT_PATH) is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new InputFileError(eventPath, undefined, 'the event payload (GITHUB_EVENT_PATH) is not a JSON object');
  }
  return payload as Record<string, unknown>;
}

/** The context from the runner's variables and the parsed event payload (pure). */
export function buildEventContext(env: RunnerEnvironment, payload: Record<string, unknown>): EventContext {
  const eventName = required(env, 'GITHUB_EVENT_NAME', 'the event name, e.g. pull_request or push');
  const repository = required(env, 'GITHUB_REPOSITORY', 'owner/repo');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new ReproError(`GITHUB_REPOSITORY is "${repository}"; expected owner/repo.`);
  const sha = required(env, 'GITHUB_SHA', 'the 40-character commit SHA the job checked out');
  const serverUrl = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
  const runId = env['GITHUB_RUN_ID'] ?? '';
  const runAttempt = Number.parseInt(env['GITHUB_RUN_ATTEMPT'] ?? '1', 10) || 1;

  const payloadRepository = objectAt(payload, 'repository');
  const defaultBranch = stringAt(payloadRepository, 'default_branch');
  let pr: PullRequestFacts | null = null;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    pr = pullRequestFacts(payload, env['GITHUB_EVENT_PATH'] ?? 'the event payload');
  }

  return {
    eventName,
    repo: { owner, repo },
    sha,
    headSha: pr?.headSha ?? sha,
    baseSha: pr?.baseSha ?? null,
    headRef: pr ? (pr.headRef ?? (env['GITHUB_HEAD_REF'] || null)) : null,
    prNumber: pr?.number ?? null,
    headRepoFullName: pr?.headRepoFullName ?? null,
    isForkPr: pr !== null && (pr.headRepoFullName === null || pr.headRepoFullName.toLowerCase() !== repository.toLowerCase()),
    labels: pr?.labels ?? [],
    defaultBranch,
    ref: env['GITHUB_REF'] ?? '',
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ''}` : `${serverUrl}/${repository}/actions`,
    runId,
    runAttempt,
    job: env['GITHUB_JOB'] ?? '',
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    actor: env['GITHUB_ACTOR'] || stringAt(objectAt(payload, 'sender'), 'login') || '',
    serverUrl,
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
  };
}

interface PullRequestFacts {
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string | null;
  headRepoFullName: string | null;
  labels: string[];
}

function pullRequestFacts(payload: Record<string, unknown>, eventPath: string): PullRequestFacts {
  const pull = objectAt(payload, 'pull_request');
  const head = objectAt(pull, 'head');
  const base = objectAt(pull, 'base');
  const headSha = stringAt(head, 'sha');
  const baseSha = stringAt(base, 'sha');
  const number = typeof pull?.['number'] === 'number' ? pull['number'] : typeof payload['number'] === 'number' ? payload['number'] : null;
  if (!pull || !headSha || !baseSha || number === null) {
    throw new InputFileError(eventPath, undefined, 'a pull request event payload without pull_request.number, pull_request.head.sha and pull_request.base.sha', {
      hint: 'The runner writes this file; if a test or a wrapper wrote it, give it a real pull_request payload.',
    });
  }
  const labels = Array.isArray(pull['labels']) ? pull['labels'].map((label) => stringAt(label as Record<string, unknown>, 'name')).filter((name): name is string => name !== null) : [];
  return { number, headSha, baseSha, headRef: stringAt(head, 'ref'), headRepoFullName: stringAt(objectAt(head, 'repo'), 'full_name'), labels };
}

export interface EventSafetyOptions {
  allowForkPrs: boolean;
  allowPullRequestTarget: boolean;
  /**
   * The commit the workspace holds, when known. A `pull_request_target` run that trains the
   * base branch (`GITHUB_SHA`, what checkout takes by default there) runs trusted code only.
   */
  checkedOutSha?: string;
}

/** What the workspace holds: HEAD and its parents as the commit object names them (a shallow clone's grafts hide them from `git log`). */
export interface CheckedOutCommit {
  sha: string;
  parents: string[];
}

/**
 * Under `pull_request_target` the workspace holds what checkout took — by default the base
 * branch (`GITHUB_SHA`), not the PR's head. Results must be reported on the commit that was
 * trained: a verdict on the base branch posted on the PR's head would pass a PR whose code never
 * ran. So unless the workspace holds the PR's head, or the merge commit GitHub makes of it (a
 * parent is the head: the PR's code ran, as on `pull_request`), the run is treated as a run of
 * the checked-out commit, not of the PR (statuses and check run on that commit, no PR comment,
 * no base compare), and the returned note says so. Other events are returned as they are.
 */
export function eventForTrainedCommit(ctx: EventContext, checkedOut: CheckedOutCommit | null): { event: EventContext; note: string | null } {
  if (ctx.eventName !== 'pull_request_target' || checkedOut === null) return { event: ctx, note: null };
  if (checkedOut.sha === ctx.headSha || checkedOut.parents.includes(ctx.headSha)) return { event: ctx, note: null };
  const what = checkedOut.sha === ctx.sha ? 'the base branch, what actions/checkout takes by default under pull_request_target' : 'neither the pull request\'s head nor its merge commit';
  return {
    event: { ...ctx, headSha: checkedOut.sha, baseSha: null, headRef: null, prNumber: null },
    note:
      `pull_request_target: the workspace holds ${checkedOut.sha} (${what}), not pull request #${ctx.prNumber}'s head ${ctx.headSha}. ` +
      'repro-check trains and reports that commit — its status and check run go on it — and posts nothing on the pull request: a verdict there on code that did not run would be a false one.',
  };
}

const WORKFLOW_RUN_PATTERN =
  'To check pull requests from forks safely, use the workflow_run pattern: a `pull_request` job without secrets, on a disposable runner, uploads its run record as an artifact; a separate workflow triggered by `workflow_run` in the base repository downloads it and publishes the result.';

/**
 * Throws a ReproError when the job should not train this event's code on this runner: a pull
 * request from a fork (unless `allow-fork-prs`), or a `pull_request_target` run, which carries
 * the base repository's secrets and write token, unless `allow-pull-request-target` is set or
 * the workspace holds the trusted base commit.
 */
export function refuseUnsafeEvent(ctx: EventContext, options: EventSafetyOptions): void {
  if (ctx.eventName === 'pull_request_target' && !options.allowPullRequestTarget && options.checkedOutSha !== ctx.sha) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} under pull_request_target: that event runs with the base repository's secrets and a write token, so training the PR's code (head ${ctx.headSha}) would hand both to it.`,
      { hint: `Run repro-check on \`pull_request\` instead, or set allow-pull-request-target: true only if the runner is disposable and the job holds no secrets. ${WORKFLOW_RUN_PATTERN}` },
    );
  }
  if (ctx.isForkPr && !options.allowForkPrs) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} from ${ctx.headRepoFullName ?? 'a deleted fork'} (head ${ctx.headSha}): code from a fork would run on this (self-hosted) runner, and the workflow's GITHUB_TOKEN is read-only on fork pull requests.`,
      {
        hint: `Stop fork pull requests at the job level (\`if: github.event.pull_request.head.repo.full_name == github.repository\`), since earlier steps already ran with the fork's code; or set allow-fork-prs: true if the runner is disposable. ${WORKFLOW_RUN_PATTERN}`,
      },
    );
  }
}

function required(env: RunnerEnvironment, name: string, what: string): string {
  const value = env[name];
  if (!value) throw new ReproError(`${name} is not set (${what}).`, { hint: 'The GitHub runner sets it; outside Actions use the CLI, or set it yourself.' });
  return value;
}

function objectAt(value: Record<string, unknown> | null | undefined, key: string): Record<string, unknown> | null {
  const inner = value?.[key];
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : null;
}

function stringAt(value: Record<string, unknown> | null | undefined, key: string): string | null {
  const inner = value?.[key];
  return typeof inner === 'string' && inner !== '' ? inner : null;
}
