/**
 * Credentials for the git commands that talk to a remote: a token handed to git per command, in
 * its environment (never in argv or `.git/config`), and redacted from everything git says.
 */
import type { GitCommand } from './command.ts';

/**
 * The value git sends as the `Authorization` header for TOKEN (GitHub takes any token as the
 * basic password of `x-access-token`): `basic <base64>` (pure).
 */
export function basicAuthHeaderValue(token: string): string {
  return `basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/**
 * Environment that gives one git command the token for REMOTE_URL's server, without writing it to
 * `.git/config` and without putting it on the command line (where any process on the runner could
 * read it in /proc/<pid>/cmdline): GIT_CONFIG_COUNT/KEY_n/VALUE_n are git's (>= 2.31) environment
 * form of `-c`. The key is the one actions/checkout uses (`http.<scheme>://<host>/.extraheader`),
 * so the empty value first clears a header checkout may have persisted there (two Authorization
 * headers are refused). Remotes other than http(s), an unparsable URL or an empty token get `{}`:
 * git's own credentials (ssh) apply. Pure.
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

/** The secret forms of TOKEN that could show up in output: the token itself and its header encodings (none for an empty token). */
export function secretFormsOf(token: string): string[] {
  if (!token) return [];
  const header = basicAuthHeaderValue(token);
  return [token, header.slice('basic '.length), header];
}

/** TEXT with every occurrence of each of SECRETS replaced by `***` (pure). */
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
