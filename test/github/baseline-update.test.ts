import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReproError } from '../../src/errors.ts';
import {
  BOT_EMAIL,
  publishBaseline,
  type PublishBaselineDeps,
  type PublishBaselineRequest,
} from '../../src/github/baseline-update.ts';
import { authConfigEnv, basicAuthHeaderValue, redactSecrets } from '../../src/git/remote-auth.ts';
import { classifyPush } from '../../src/git/push.ts';
import { gitIn, type GitCommand } from '../../src/git/command.ts';
import { startGitHttpServer } from '../support/git-http-server.ts';
import {
  BASELINE_PATH,
  GIT_ENV,
  TOKEN,
  makeRepos,
  originFile,
  originLog,
  sh,
  type Repos,
} from './baseline-update-fixture.ts';

const NEW_BASELINE = '{"kind": "repro-check/baseline", "loss": [1, 0.5]}\n';
const HEADER_KEY = 'http.https://github.com/.extraheader';

interface Recorded {
  deps: PublishBaselineDeps;
  lines: string[];
  masked: string[];
  sleeps: number[];
}

function recordedDeps(repos: Repos, extra: Partial<PublishBaselineDeps> = {}): Recorded {
  const lines: string[] = [];
  const masked: string[] = [];
  const sleeps: number[] = [];
  const deps: PublishBaselineDeps = {
    log: {
      info: (m) => lines.push(`info: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
      debug: (m) => lines.push(`debug: ${m}`),
    },
    mask: (secret) => masked.push(secret),
    git: repos.git,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
  return { deps, lines, masked, sleeps };
}

function request(overrides: Partial<PublishBaselineRequest> = {}): PublishBaselineRequest {
  return {
    repoDir: '/unused-when-git-is-given',
    baselinePath: BASELINE_PATH,
    content: NEW_BASELINE,
    message:
      'Update repro-check baseline\n\nTrained at abc123 (seed 1234) by https://github.com/octo/models/actions/runs/1',
    strategy: 'commit',
    branch: 'main',
    defaultBranch: 'main',
    allowAnyBranch: false,
    token: TOKEN,
    event: { repo: { owner: 'octo', repo: 'models' }, runUrl: 'https://github.com/octo/models/actions/runs/1' },
    ...overrides,
  };
}

async function withRepos(body: (repos: Repos) => Promise<void>): Promise<void> {
  const repos = await makeRepos();
  try {
    await body(repos);
  } finally {
    await repos.close();
  }
}

/** The checkout as the user left it: HEAD, branch, status and the baseline file's text. */
async function checkoutState(repos: Repos): Promise<string[]> {
  return [
    sh(repos.checkout, 'rev-parse', 'HEAD'),
    sh(repos.checkout, 'symbolic-ref', 'HEAD'),
    sh(repos.checkout, 'status', '--porcelain'),
    await readFile(path.join(repos.checkout, BASELINE_PATH), 'utf8'),
  ];
}

function assertNoSecret(texts: readonly string[]): void {
  const header = basicAuthHeaderValue(TOKEN);
  for (const text of texts) {
    assert.ok(!text.includes(TOKEN), `token leaked: ${text}`);
    assert.ok(!text.includes(header.slice('basic '.length)), `encoded token leaked: ${text}`);
  }
}

test('commit: the baseline lands on the branch as one bot commit with the message, and the checkout is left as it was', async () => {
  await withRepos(async (repos) => {
    const before = await checkoutState(repos);
    const { deps, lines, masked } = recordedDeps(repos);
    const result = await publishBaseline(deps, request());

    assert.equal(result.action, 'pushed');
    assert.equal(result.tries, 1);
    const log = originLog(repos.origin);
    assert.equal(log.length, 2);
    assert.equal(log[0]!.sha, result.commitSha);
    assert.equal(log[0]!.email, BOT_EMAIL);
    assert.equal(log[0]!.subject, 'Update repro-check baseline');
    assert.deepEqual(log[0]!.parents, [before[0]]);
    assert.match(sh(repos.origin, 'log', '-1', '--format=%B', 'main'), /Trained at abc123 \(seed 1234\)/);
    assert.equal(
      sh(repos.origin, 'log', '-1', '--format=%an <%ae> / %cn <%ce>', 'main'),
      `github-actions[bot] <${BOT_EMAIL}> / github-actions[bot] <${BOT_EMAIL}>`,
    );
    assert.equal(originFile(repos.origin, 'main', BASELINE_PATH), NEW_BASELINE);
    assert.deepEqual(sh(repos.origin, 'diff', '--name-only', 'main~1', 'main').split('\n'), [BASELINE_PATH]);

    assert.deepEqual(await checkoutState(repos), before);
    assert.ok(masked.includes(TOKEN));
    assert.ok(masked.includes(basicAuthHeaderValue(TOKEN)));
    assertNoSecret(lines);
  });
});

test('credentials: passed per command, in the environment, to the commands that reach the remote only; never in argv or .git/config', async () => {
  const env = authConfigEnv('https://github.com/octo/models.git', TOKEN);
  const encoded = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
  assert.deepEqual(env, {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: HEADER_KEY,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: HEADER_KEY,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${encoded}`,
  });
  assert.equal(
    authConfigEnv('https://ghe.example.com:8443/octo/models', TOKEN).GIT_CONFIG_KEY_0,
    'http.https://ghe.example.com:8443/.extraheader',
  );
  assert.deepEqual(authConfigEnv('git@github.com:octo/models.git', TOKEN), {});
  assert.deepEqual(authConfigEnv('https://github.com/octo/models.git', ''), {});

  await withRepos(async (repos) => {
    const { deps } = recordedDeps(repos, {
      beforePush: async (attempt) => {
        if (attempt === 1) repos.pushFromOther('main', 'other.txt', 'x'); // so that a fetch runs too
      },
    });
    await publishBaseline(deps, request());
    const withHeader = repos.calls.filter((c) => c.env?.GIT_CONFIG_VALUE_1 === env.GIT_CONFIG_VALUE_1);
    assert.deepEqual(
      withHeader.map((c) => c.args.find((a) => ['push', 'fetch', 'ls-remote'].includes(a))),
      ['push', 'fetch', 'push'],
    );
    // /proc/<pid>/cmdline is readable by every process on the runner: the token is never there.
    for (const call of repos.calls)
      assert.ok(
        !call.args.some((a) => a.includes(encoded) || a.includes(TOKEN) || a.includes('extraheader')),
        `no credentials in argv: ${call.args.join(' ')}`,
      );
    const others = repos.calls.filter((c) => !withHeader.includes(c));
    for (const call of others)
      assert.ok(
        !Object.values(call.env ?? {}).some((v) => v.includes(encoded)),
        `no credentials for ${call.args.join(' ')}`,
      );
    const config = await readFile(path.join(repos.checkout, '.git', 'config'), 'utf8');
    assert.doesNotMatch(config, /extraheader/i);
    assert.ok(!config.includes(encoded));
  });
});

test('over HTTP the push authenticates with the token from the environment, no git process has it in its arguments, and a wrong token is refused', async () => {
  await withRepos(async (repos) => {
    const server = await startGitHttpServer(repos.root, TOKEN, GIT_ENV);
    // A `git` first on PATH that writes down its arguments, then runs the real one: what any
    // process on the runner could read in /proc/<pid>/cmdline.
    const shimDir = path.join(repos.root, 'bin');
    const argvLog = path.join(repos.root, 'argv.log');
    await mkdir(shimDir);
    await writeFile(
      path.join(shimDir, 'git'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> "$ARGV_LOG"\nexec ${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()} "$@"\n`,
      { mode: 0o755 },
    );
    try {
      sh(repos.checkout, 'remote', 'set-url', 'origin', `${server.url}/origin.git`);
      const git = gitIn(repos.checkout, { ...GIT_ENV, PATH: `${shimDir}:${GIT_ENV['PATH']}`, ARGV_LOG: argvLog });
      const { deps, lines } = recordedDeps(repos, { git });
      const result = await publishBaseline(deps, request());
      assert.equal(result.action, 'pushed');
      assert.equal(
        originFile(repos.origin, 'main', BASELINE_PATH),
        NEW_BASELINE,
        'the push landed: the server took the credentials',
      );
      assert.ok(server.authorizations.length > 0);
      assert.ok(
        server.authorizations.every((a) => a?.replace(/^basic /i, 'basic ') === basicAuthHeaderValue(TOKEN)),
        'every request carried the token',
      );

      const argv = await readFile(argvLog, 'utf8');
      assert.match(argv, /\bpush --porcelain origin\b/, 'the push went through the shim');
      assertNoSecret([argv]);
      assert.doesNotMatch(argv, /extraheader/i);

      // The server refuses another token: the push fails with the permission to check, and nothing leaks.
      const wrong = 'ghs_NotTheRightToken000000000000000';
      await assert.rejects(
        publishBaseline(deps, request({ token: wrong, content: '{"kind": "repro-check/baseline", "loss": [2]}\n' })),
        (error: unknown) => {
          assert.ok(error instanceof ReproError);
          assert.match(error.message, /git push of the baseline to main failed/);
          assert.match(error.hint ?? '', /contents: write/);
          assert.ok(!error.message.includes(wrong));
          return true;
        },
      );
      assert.equal(
        originFile(repos.origin, 'main', BASELINE_PATH),
        NEW_BASELINE,
        'nothing was pushed with the wrong token',
      );
      assertNoSecret(lines);
    } finally {
      await server.close();
    }
  });
});

test('a push rejected because someone pushed meanwhile is retried on top of their commit: the baseline lands once, their commit is kept', async () => {
  await withRepos(async (repos) => {
    const before = await checkoutState(repos);
    let otherSha = '';
    const { deps, lines, sleeps } = recordedDeps(repos, {
      beforePush: async (attempt) => {
        if (attempt === 1) otherSha = repos.pushFromOther('main', 'docs/notes.md', 'a concurrent change\n');
      },
    });
    const result = await publishBaseline(deps, request());

    assert.equal(result.action, 'pushed');
    assert.equal(result.tries, 2);
    assert.deepEqual(sleeps, [1000]);
    const log = originLog(repos.origin);
    assert.deepEqual(
      log.map((c) => c.subject),
      ['Update repro-check baseline', 'other change 1', 'seed'],
    );
    assert.equal(log[0]!.sha, result.commitSha);
    assert.deepEqual(log[0]!.parents, [otherSha]);
    assert.equal(log.filter((c) => c.email === BOT_EMAIL).length, 1);
    assert.equal(originFile(repos.origin, 'main', BASELINE_PATH), NEW_BASELINE);
    assert.equal(originFile(repos.origin, 'main', 'docs/notes.md'), 'a concurrent change\n');
    assert.match(
      lines.join('\n'),
      /main moved on "origin" meanwhile; fetching it and re-applying the baseline \(try 2 of 5, after 1000 ms\)/,
    );
    assert.deepEqual(await checkoutState(repos), before);
    assertNoSecret(lines);
  });
});

test('a branch that moves before every push: a clean give-up after maxTries, with the checkout unchanged and the baseline commit kept locally', async () => {
  await withRepos(async (repos) => {
    const before = await checkoutState(repos);
    const { deps, lines, sleeps } = recordedDeps(repos, {
      beforePush: async (attempt) => {
        repos.pushFromOther('main', `busy-${attempt}.txt`, String(attempt));
      },
    });
    const error = await publishBaseline(deps, request({ maxTries: 3 })).then(
      () => assert.fail('expected a give-up'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ReproError);
    assert.match(error.message, /after 3 tries/);
    assert.match(error.message, /Nothing was lost/);
    assert.deepEqual(sleeps, [1000, 2000]);

    const kept = /commit ([0-9a-f]{40})/.exec(error.message)?.[1];
    assert.ok(kept, error.message);
    assert.equal(sh(repos.checkout, 'show', `${kept}:${BASELINE_PATH}`), NEW_BASELINE.trim());
    assert.deepEqual(
      originLog(repos.origin).map((c) => c.subject),
      ['other change 3', 'other change 2', 'other change 1', 'seed'],
    );
    assert.deepEqual(await checkoutState(repos), before);
    assertNoSecret([...lines, error.message, error.hint ?? '']);
  });
});

test('a push refused by branch protection (GH006) is not retried and says to use baseline-token or baseline-update: pull-request', async () => {
  await withRepos(async (repos) => {
    await repos.protectMain();
    const before = await checkoutState(repos);
    const { deps, lines, sleeps } = recordedDeps(repos);
    const error = await publishBaseline(deps, request()).then(
      () => assert.fail('expected a refusal'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ReproError);
    assert.match(error.message, /refused by its branch protection/);
    assert.match(error.message, /GH006: Protected branch update failed/);
    assert.match(error.hint ?? '', /baseline-token/);
    assert.match(error.hint ?? '', /baseline-update: pull-request/);
    assert.deepEqual(sleeps, []);
    assert.equal(repos.calls.filter((c) => c.args.includes('push')).length, 1);
    assert.deepEqual(
      originLog(repos.origin).map((c) => c.subject),
      ['seed'],
    );
    assert.deepEqual(await checkoutState(repos), before);
    assertNoSecret([...lines, error.message, error.hint ?? '']);
  });
});

test('the token is redacted from git output that quotes it', async () => {
  await withRepos(async (repos) => {
    const header = basicAuthHeaderValue(TOKEN);
    // A git that echoes the credentials back, as a misconfigured proxy or a verbose transport could.
    const leaky: GitCommand = async (args, options) => {
      const output = await repos.git(args, options);
      if (!args.includes('push')) return output;
      return {
        exitCode: 128,
        stdout: '',
        stderr: `fatal: unable to access 'https://x-access-token:${TOKEN}@github.com/octo/models.git/': sent ${header}\nerror: ${TOKEN}\n`,
      };
    };
    const { deps, lines } = recordedDeps(repos, { git: leaky });
    const error = await publishBaseline(deps, request()).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ReproError);
    assert.match(error.message, /x-access-token:\*\*\*@github\.com/);
    assert.match(error.message, /sent \*\*\*/);
    assert.match(error.hint ?? '', /contents: write/);
    assertNoSecret([...lines, error.message, error.hint ?? '', String(error.stack)]);
  });
  assert.equal(redactSecrets('a tok b tokens', ['tok', 'tokens']), 'a *** b ***');
});

test('mode: baseline refuses to publish off the default branch unless allow-baseline-from-any-branch is set', async () => {
  await withRepos(async (repos) => {
    const { deps } = recordedDeps(repos);
    await assert.rejects(publishBaseline(deps, request({ branch: 'experiment' })), (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(error.message, /branch "experiment", not on the default branch "main"/);
      assert.match(error.hint ?? '', /allow-baseline-from-any-branch: true/);
      return true;
    });
    // Unknown default branch: the remote's HEAD says main.
    await assert.rejects(
      publishBaseline(deps, request({ branch: 'experiment', defaultBranch: null })),
      /not on the default branch "main"/,
    );
    assert.equal(repos.calls.filter((c) => c.args.includes('push')).length, 0);

    const allowed = await publishBaseline(deps, request({ branch: 'experiment', allowAnyBranch: true }));
    assert.equal(allowed.action, 'pushed');
    assert.equal(originFile(repos.origin, 'experiment', BASELINE_PATH), NEW_BASELINE);
    assert.deepEqual(
      originLog(repos.origin, 'main').map((c) => c.subject),
      ['seed'],
    );
  });
});

test('an unchanged baseline makes no commit; a path outside the repository is refused', async () => {
  await withRepos(async (repos) => {
    const { deps, lines } = recordedDeps(repos);
    const result = await publishBaseline(deps, request({ content: '{"old": true}\n' }));
    assert.deepEqual(result, { strategy: 'commit', action: 'unchanged', branch: 'main', commitSha: null, tries: 1 });
    assert.equal(repos.calls.filter((c) => c.args.includes('push')).length, 0);
    assert.match(lines.join('\n'), /already holds this baseline/);
    await assert.rejects(
      publishBaseline(deps, request({ baselinePath: '../elsewhere.json' })),
      /must be a file inside the repository/,
    );
    await assert.rejects(
      publishBaseline(deps, request({ baselinePath: '/etc/baseline.json' })),
      /must be a file inside the repository/,
    );
  });
});

test('classifyPush reads git push --porcelain answers', () => {
  const porcelain = (line: string, stderr = '', exitCode = 1) => ({
    exitCode,
    stdout: `To https://github.com/o/r.git\n${line}\nDone\n`,
    stderr,
  });
  assert.equal(classifyPush(porcelain(' \tabc:refs/heads/main\t1111..2222', '', 0)), 'pushed');
  assert.equal(classifyPush(porcelain('=\tabc:refs/heads/main\t[up to date]', '', 0)), 'unchanged');
  assert.equal(classifyPush(porcelain('!\tabc:refs/heads/main\t[rejected] (fetch first)')), 'stale');
  assert.equal(classifyPush(porcelain('!\tabc:refs/heads/main\t[rejected] (non-fast-forward)')), 'stale');
  assert.equal(classifyPush(porcelain('!\tabc:refs/heads/x\t[rejected] (stale info)')), 'stale');
  assert.equal(
    classifyPush(porcelain("!\tabc:refs/heads/main\t[remote rejected] (cannot lock ref 'refs/heads/main')")),
    'stale',
  );
  assert.equal(
    classifyPush(
      porcelain(
        '!\tabc:refs/heads/main\t[remote rejected] (protected branch hook declined)',
        'remote: error: GH006: Protected branch update failed for refs/heads/main.',
      ),
    ),
    'protected',
  );
  assert.equal(
    classifyPush(
      porcelain(
        '!\tabc:refs/heads/main\t[remote rejected] (push declined due to repository rule violations)',
        'remote: error: GH013: Repository rule violations found for refs/heads/main.',
      ),
    ),
    'protected',
  );
  assert.equal(
    classifyPush(porcelain('!\tabc:refs/heads/main\t[remote rejected] (pre-receive hook declined)')),
    'failed',
  );
  assert.equal(classifyPush({ exitCode: 128, stdout: '', stderr: 'fatal: Authentication failed' }), 'failed');
});
