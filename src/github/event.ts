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
export async function readEventContext(
  env: RunnerEnvironment,
  readText: (path: string) => Promise<string> = (p) => readFile(p, 'utf8'),
): Promise<EventContext> {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!eventPath) return buildEventContext(env, {});
  let text: string;
  try {
    text = await readText(eventPath);
  } catch (error) {
    throw new InputFileError(
      eventPath,
      undefined,
      `cannot read the event payload (GITHUB_EVENT_PATH): ${(error as Error).message}`,
      { cause: error },
    );
  }
  return buildEventContext(env, parseEventPayload(text, eventPath));
}

/** The payload file's JSON object; a file that is not one is an error naming the file. */
export function parseEventPayload(text: string, eventPath: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(
      eventPath,
      undefined,
      `the event payload (GITHUB_EVENT_PATH) is not JSON: ${(error as Error).message}`,
      { cause: error },
    );
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
  if (!owner || !repo || rest.length > 0)
    throw new ReproError(`GITHUB_REPOSITORY is "${repository}"; expected owner/repo.`);
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
    isForkPr:
      pr !== null && (pr.headRepoFullName === null || pr.headRepoFullName.toLowerCase() !== repository.toLowerCase()),
    labels: pr?.labels ?? [],
    defaultBranch,
    ref: env['GITHUB_REF'] ?? '',
    runUrl: runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`
      : `${serverUrl}/${repository}/actions`,
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
  const number =
    typeof pull?.['number'] === 'number'
      ? pull['number']
      : typeof payload['number'] === 'number'
        ? payload['number']
        : null;
  if (!pull || !headSha || !baseSha || number === null) {
    throw new InputFileError(
      eventPath,
      undefined,
      'a pull request event payload without pull_request.number, pull_request.head.sha and pull_request.base.sha',
      {
        hint: 'The runner writes this file; if a test or a wrapper wrote it, give it a real pull_request payload.',
      },
    );
  }
  const labels = Array.isArray(pull['labels'])
    ? pull['labels']
        .map((label) => stringAt(label as Record<string, unknown>, 'name'))
        .filter((name): name is string => name !== null)
    : [];
  return {
    number,
    headSha,
    baseSha,
    headRef: stringAt(head, 'ref'),
    headRepoFullName: stringAt(objectAt(head, 'repo'), 'full_name'),
    labels,
  };
}

function required(env: RunnerEnvironment, name: string, what: string): string {
  const value = env[name];
  if (!value)
    throw new ReproError(`${name} is not set (${what}).`, {
      hint: 'The GitHub runner sets it; outside Actions use the CLI, or set it yourself.',
    });
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
