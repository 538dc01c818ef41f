/**
 * The one GitHub client: @actions/github's Octokit (REST only) with the retry and throttling
 * plugins. 5xx answers, timeouts and secondary rate limits are retried a bounded number of times,
 * honouring `retry-after`; everything else (403, 404, 409, 422) reaches the caller at once.
 */
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export type GithubClient = ReturnType<typeof getOctokit>;

export interface GithubClientOptions {
  token: string;
  /** REST API root; default `GITHUB_API_URL` (set on every runner, GHES included), else api.github.com. */
  baseUrl?: string;
  /** Retries after a 5xx, a timeout or a rate limit, per request. Default 3. */
  maxRetries?: number;
  /** Per-attempt limit in ms; a request still unanswered is aborted and counts as a 5xx. Default 30 s. */
  requestTimeoutMs?: number;
  /**
   * For tests against a loopback server: back-offs and `retry-after` are read as milliseconds
   * instead of seconds, and writes are not spaced by GitHub's recommended 1 s (3 s for
   * notification-making writes such as comments).
   */
  fastRetries?: boolean;
  /** Where retry notices go (rate limits, deprecations); silent when absent. */
  log?: { warning(message: string): void; debug(message: string): void };
}

const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** A primary rate limit that resets later than this is not waited for: the write is skipped with a warning. */
const LONGEST_RATE_LIMIT_WAIT_S = 60;

type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * The one Octokit the action writes through: the token, GITHUB_API_URL (or OPTIONS.baseUrl), a
 * request timeout (default 30 s), retries of transient failures (5xx, network; default 3) and the
 * throttling plugin, which waits out secondary rate limits and a primary one resetting within 60 s
 * (a later reset skips the write with a warning). Never throws; requests reject with Octokit's
 * RequestError.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const baseUrl = options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com';
  const log = options.log;
  // The toolkit's fetch goes through the runner's proxy settings; keep it and add a per-attempt timeout.
  const proxyFetch = (actionsDefaults.request?.fetch ?? fetch) as FetchLike;
  const timedFetch: FetchLike = (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return proxyFetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  const unitMs = options.fastRetries ? 1 : 1000;
  const describe = (request: { method: string; url: string }): string =>
    `${request.method} ${request.url.replace(baseUrl, '')}`;

  return getOctokit(
    options.token,
    {
      baseUrl,
      request: { ...actionsDefaults.request, fetch: timedFetch },
      log: {
        debug: (message: string) => log?.debug(message),
        info: (message: string) => log?.debug(message),
        warn: (message: string) => log?.warning(message),
        error: (message: string) => log?.debug(message),
      },
      retry: {
        retries: maxRetries,
        retryAfterBaseValue: unitMs,
        // Client errors will not change on a second try; 409 (a conflict) is for the caller to resolve.
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      },
      throttle: {
        retryAfterBaseValue: unitMs,
        ...(options.fastRetries
          ? {
              write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
              notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
            }
          : {}),
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
          const again = retryCount < maxRetries;
          log?.warning(
            `GitHub secondary rate limit on ${describe(request)}; ${again ? `retrying after ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})` : 'giving up'}.`,
          );
          return again;
        },
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
          const again = retryCount < maxRetries && retryAfter <= LONGEST_RATE_LIMIT_WAIT_S;
          log?.warning(
            `GitHub rate limit exhausted on ${describe(request)}; ${again ? `retrying after ${retryAfter} s` : `it resets in ${retryAfter} s, not waiting`}.`,
          );
          return again;
        },
      },
    },
    retry,
    throttling,
  );
}
