/**
 * Hardening cases 01, 02, 03, 07, 08 and 14 through the bundled CLI (`dist/cli.js`, as a user runs
 * it): each bad input is exit 2 with one message naming the file, line or key, and no stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../e2e/action-harness.ts';
import { git } from '../modes/project-fixture.ts';
import { runCli } from '../../src/cli/main.ts';
import { withTempDir } from '../support/temp-dir.ts';

const CLI = path.join(PACKAGE_ROOT, 'dist/cli.js');
const execFileAsync = promisify(execFile);

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** No line of a Node stack trace ("    at f (file:1:2)"), and no raw error class name leading the message. */
function assertNoStackTrace(output: string): void {
  assert.doesNotMatch(output, /^\s+at .+[:(]/m, output);
  assert.doesNotMatch(output, /(TypeError|RangeError|Error): /, output);
}

const withTemp = <T>(body: (dir: string) => Promise<T>): Promise<T> => withTempDir('repro-hardening-', body);

/** A training that leaves a trace (`trained`), to show that a refusal came before it. */
const TRAIN_SH = 'touch trained\necho \'{"step": 0, "loss": 1}\' > "$REPRO_OUT_DIR/m.jsonl"\n';
const GOOD_LOG = '{"step": 0, "loss": 1}\n{"step": 1, "loss": 0.5}\n';

test('01: 10,000 nested arrays (or objects) in a metric file: "nested more than 1000 levels deep" naming the file', () =>
  withTemp(async (dir) => {
    await writeFile(path.join(dir, 'good.jsonl'), GOOD_LOG);
    await writeFile(path.join(dir, 'deep-arrays.json'), '['.repeat(10_000) + ']'.repeat(10_000));
    await writeFile(path.join(dir, 'deep-objects.json'), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000));
    // One line holding one object is JSONL (a training that logged once), so that file's line is named.
    for (const [file, where] of [
      ['deep-arrays.json', ''],
      ['deep-objects.json', ':1'],
    ] as const) {
      const run = await cli(['compare', 'good.jsonl', file], dir);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stderr, `error: ${path.join(dir, file)}${where}: nested more than 1000 levels deep\n`);
    }
  }));

test('02: a baseline whose series has 3 steps and 2 values: one line naming the file and the series', () =>
  withTemp(async (dir) => {
    const baseline = {
      kind: 'repro-check/baseline',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00Z',
      runs: [
        {
          kind: 'repro-check/run-record',
          schemaVersion: 1,
          provenance: { commit: 'a'.repeat(40), seed: 1 },
          environment: {},
          metrics: { series: { loss: { steps: [0, 1, 2], values: [1, 0.5] } }, finals: {}, notes: [] },
        },
      ],
    };
    await writeFile(path.join(dir, 'baseline.json'), JSON.stringify(baseline));
    await writeFile(path.join(dir, 'run.jsonl'), GOOD_LOG);
    const run = await cli(['compare', 'baseline.json', 'run.jsonl'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: \/.*\/baseline\.json: series "loss": 3 steps but 2 values\n/);
    assertNoStackTrace(run.stderr);
  }));

test('02 under check: a committed baseline of that shape is refused before the training, and left as it is', () =>
  withTemp(async (dir) => {
    git(dir, 'init', '-q', '-b', 'main');
    const baseline = JSON.stringify({
      kind: 'repro-check/baseline',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00Z',
      runs: [
        {
          kind: 'repro-check/run-record',
          schemaVersion: 1,
          provenance: { commit: 'a'.repeat(40), seed: 1 },
          environment: {},
          metrics: { series: { loss: { steps: [0, 1, 2], values: [1, 0.5] } }, finals: {}, notes: [] },
        },
      ],
    });
    await writeFile(path.join(dir, 'repro.yml'), 'command: bash train.sh\nmetrics: "{out}/m.jsonl"\n');
    await writeFile(path.join(dir, 'train.sh'), TRAIN_SH);
    await writeFile(path.join(dir, '.gitignore'), 'trained\n');
    execFileSync('mkdir', ['-p', path.join(dir, '.repro')]);
    await writeFile(path.join(dir, '.repro/baseline.json'), baseline);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    const run = await cli(['check'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /error: \.repro\/baseline\.json: series "loss": 3 steps but 2 values/);
    assertNoStackTrace(run.stderr);
    await assert.rejects(access(path.join(dir, 'trained')), 'the training never ran');
    assert.equal(await readFile(path.join(dir, '.repro/baseline.json'), 'utf8'), baseline);
  }));

test('03: one line holding an array of 130k numbers: the array is one skipped metric and the report renders', () =>
  withTemp(async (dir) => {
    const wide = JSON.stringify({ step: 1, loss: 0.5, v: Array.from({ length: 130_000 }, (_, i) => i % 10) });
    await writeFile(path.join(dir, 'wide.jsonl'), `${wide}\n`);
    const run = await cli(['compare', 'wide.jsonl', 'wide.jsonl'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\| loss @1 \|/);
    assert.match(
      run.stdout,
      /v: an array of 130000 elements \(\/.*\/wide\.jsonl(:1)?\) was skipped; arrays longer than 1000 are not read as one metric per element/,
    );
    assert.doesNotMatch(run.stdout, /\| v\.0/);
    // Only the array: nothing is left to compare, and the message says why.
    await writeFile(
      path.join(dir, 'only.jsonl'),
      `${JSON.stringify({ step: 1, v: Array.from({ length: 1_000_000 }, (_, i) => i % 10) })}\n`,
    );
    const only = await cli(['compare', 'only.jsonl', 'only.jsonl', '--format', 'json'], dir);
    assert.equal(only.code, 2);
    assert.match(
      only.stderr,
      /^error: \/.*\/only\.jsonl: no metrics were found \(no numeric values; v: an array of 1000000 elements/,
    );
  }));

test('03: a line with more than 10,000 metric names is refused naming the file and the cap', () =>
  withTemp(async (dir) => {
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    await writeFile(path.join(dir, 'many.jsonl'), `${JSON.stringify({ step: 1, ...keys })}\n`);
    const run = await cli(['compare', 'many.jsonl', 'many.jsonl'], dir);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^error: \/.*\/many\.jsonl: holds more than 10000 metrics; repro-check reads at most 10000 from one file\n/,
    );
  }));

test('07: `__proto__` as a key in repro.yml is an unknown key on its line, and --set __proto__.x pollutes nothing', () =>
  withTemp(async (dir) => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(
      path.join(dir, 'repro.yml'),
      'command: "true"\nmetrics: m.jsonl\n__proto__: { polluted: 1 }\nconstructor: 2\n',
    );
    const run = await cli(['check'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /- repro\.yml:3: unknown key "__proto__"; accepted: command, /);
    assert.match(run.stderr, /- repro\.yml:4: unknown key "constructor"; accepted: command, /);
    const flag = await cli(['check', '--set', '__proto__.polluted=1'], dir);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /- --set __proto__\.polluted: unknown key "__proto__"/);
  }));

test('08: a command holding a NUL byte is refused with its line when settings are read; one over 128 KiB "could not be started"', () =>
  withTemp(async (dir) => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(path.join(dir, 'nul.yml'), 'command: "true\\0"\nmetrics: m.jsonl\n');
    await writeFile(path.join(dir, 'long.yml'), `command: "true ${'x'.repeat(140_000)}"\nmetrics: m.jsonl\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    const nul = await cli(['run', '--config', 'nul.yml'], dir);
    assert.equal(nul.code, 2);
    assert.match(nul.stderr, /- nul\.yml:1: command: must not contain a NUL character/);
    assert.doesNotMatch(nul.stderr, /Checking the working tree/, 'refused before the tree gate');
    const long = await cli(['run', '--config', 'long.yml', '--set', 'isolation=none'], dir);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /error: The training command could not be started: argument list too long/);
    assertNoStackTrace(long.stderr);
    const isolated = await cli(['run', '--config', 'long.yml'], dir);
    assert.equal(isolated.code, 2);
    assert.match(isolated.stderr, /error: The training command could not be started: argument list too long/);
  }));

/**
 * 14: `.repro/` on a tmpfs that is full, then read-only (needs root and mounts, as in the case's
 * own run.sh); the writability check runs before the training.
 */
test('14: baseline update into a full or read-only folder: one line naming the baseline and the reason, before the training; nothing lost or left', async (t) => {
  if (process.getuid?.() !== 0)
    return t.skip('needs root to mount a small tmpfs (the case itself falls back to chmod as a non-root user)');
  await withTemp(async (dir) => {
    git(dir, 'init', '-q', '-b', 'main');
    await writeFile(path.join(dir, 'repro.yml'), 'command: bash train.sh\nmetrics: "{out}/m.jsonl"\n');
    await writeFile(path.join(dir, 'train.sh'), TRAIN_SH);
    await writeFile(path.join(dir, '.gitignore'), 'trained\n.repro/filler\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    assert.equal((await cli(['baseline', 'update'], dir)).code, 0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'baseline');
    await rm(path.join(dir, 'trained'));
    const original = await readFile(path.join(dir, '.repro/baseline.json'));
    const folder = path.join(dir, '.repro');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder], { stdio: 'ignore' });
    } catch {
      return t.skip('tmpfs cannot be mounted here');
    }
    try {
      await writeFile(path.join(folder, 'baseline.json'), original);
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${path.join(folder, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // dd stops with "no space left": the folder is full now.
      }
      for (const [state, reason] of [
        ['full', 'no space left on device'],
        ['read-only', 'read-only file system'],
      ] as const) {
        if (state === 'read-only') {
          await rm(path.join(folder, 'filler'));
          execFileSync('mount', ['-o', 'remount,ro', folder]);
        }
        const run = await cli(['baseline', 'update'], dir);
        assert.equal(run.code, 2, `${state}: ${run.stderr}`);
        assert.match(
          run.stderr,
          new RegExp(`^error: cannot write the baseline \\.repro/baseline\\.json: ${reason}$`, 'm'),
        );
        assertNoStackTrace(run.stderr);
        await assert.rejects(access(path.join(dir, 'trained')), `${state}: refused before the training`);
        assert.deepEqual(await readFile(path.join(folder, 'baseline.json')), original);
        assert.deepEqual(
          (await readdir(folder)).filter((name) => name.endsWith('.tmp')),
          [],
        );
      }
    } finally {
      execFileSync('umount', [folder]);
    }
  });
});

test('an unexpected exception is exit 2 "internal error, please report", with the stack only under -v', () =>
  withTemp(async (dir) => {
    await writeFile(path.join(dir, 'a.jsonl'), GOOD_LOG);
    // A bug stands in as an output writer that throws: nothing in repro-check expects that.
    const run = async (args: string[]) => {
      let stderr = '';
      const code = await runCli(args, {
        cwd: dir,
        env: {},
        stdout: () => {
          throw new TypeError('cannot read properties of undefined');
        },
        stderr: (t) => (stderr += t),
      });
      return { code, stderr };
    };
    const plain = await run(['compare', 'a.jsonl', 'a.jsonl']);
    assert.equal(plain.code, 2);
    assert.equal(
      plain.stderr,
      'error: internal error, please report it at https://github.com/repro-check/repro-check/issues: TypeError: cannot read properties of undefined\n(-v shows the stack trace)\n',
    );
    const verbose = await run(['compare', 'a.jsonl', 'a.jsonl', '-v']);
    assert.equal(verbose.code, 2);
    assert.match(
      verbose.stderr,
      /internal error, please report .*TypeError: cannot read properties of undefined\nTypeError: cannot read properties of undefined\n\s+at /,
    );
  }));
