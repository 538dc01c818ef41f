/**
 * Git for the baseline update: credentials handed to git per command, and the reading of
 * `git push`'s answer. Secrets are redacted from everything this module returns. Commands run
 * through src/git/command.ts.
 */
import type { GitCommand, GitOutput } from '../git/command.ts';

/** The value git sends as the `Authorization` header for TOKEN (GitHub takes any token as the basic password of `x-access-token`). */
export function basicAuthHeaderValue(token: string): string {
  return `basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/**
 * Environment that gives one git command the token for REMOTE_URL's server, without writing it to
 * `.git/config` and without putting it on the command line (where any process on the runner could
 * read it in /proc/<pid>/cmdline): GIT_CONFIG_COUNT/KEY_n/VALUE_n are git's (>= 2.31) environment
 * form of `-c`. The key is the one actions/checkout uses (`http.<scheme>://<host>/.extraheader`),
 * so the empty value first clears a header checkout may have persisted there (two Authorization
 * headers are refused). Remotes other than http(s) get nothing: git's own credentials (ssh) apply.
 */
export function authConfigEnv(remoteUrl: string, token: string): Record<string, string> {
  if (!token) return {};
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return {};
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return {};
  const key = `http.${url.protocol}//${url.host}/.extraheader`;
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: ${basicAuthHeaderValue(token)}`,
  };
}

/** The secret forms of TOKEN that could show up in output: the token itself and its header encodings. */
export function secretFormsOf(token: string): string[] {
  if (!token) return [];
  const header = basicAuthHeaderValue(token);
  return [token, header.slice('basic '.length), header];
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first, so a secret containing another is replaced whole.
  return [...secrets]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((out, secret) => out.split(secret).join('***'), text);
}

/** A GitCommand whose output (and the arguments in any message built from it) has SECRETS replaced by `***`. */
export function redactingGit(git: GitCommand, secrets: readonly string[]): GitCommand {
  return async (args, options) => {
    const output = await git(args, options);
    return {
      exitCode: output.exitCode,
      stdout: redactSecrets(output.stdout, secrets),
      stderr: redactSecrets(output.stderr, secrets),
    };
  };
}

/**
 * How a `git push --porcelain` of one ref ended:
 * - `pushed` (or `unchanged`: the remote already had it);
 * - `stale`: the remote moved meanwhile (non-fast-forward, fetch first, a failed lease, a lost
 *   ref-lock race) — fetch and try again;
 * - `protected`: GitHub's branch protection or a ruleset refused it (GH006, GH013);
 * - `failed`: anything else (authentication, network, a hook), not worth retrying.
 */
export type PushOutcome = 'pushed' | 'unchanged' | 'stale' | 'protected' | 'failed';

export function classifyPush(output: GitOutput): PushOutcome {
  // Porcelain lines: `<flag>\t<from>:<to>\t<summary> (<reason>)`; flag ' ' pushed, '+' forced, '=' up to date, '!' rejected.
  const refLine = output.stdout.split('\n').find((line) => /^[ +\-*=!]\t/.test(line));
  const remoteSaid = output.stderr;
  if (
    /\bGH006\b|\bGH013\b|protected branch hook declined|Protected branch update failed|[Rr]epository rule violations/.test(
      `${refLine ?? ''}\n${remoteSaid}`,
    )
  )
    return 'protected';
  if (output.exitCode === 0 && refLine !== undefined) return refLine.startsWith('=') ? 'unchanged' : 'pushed';
  if (refLine?.startsWith('!')) {
    if (/\[rejected\]/.test(refLine) && /fetch first|non-fast-forward|stale info|already exists/.test(refLine))
      return 'stale';
    if (/\[remote rejected\]/.test(refLine) && /cannot lock ref|failed to update ref|incorrect old value/.test(refLine))
      return 'stale';
  }
  return 'failed';
}
