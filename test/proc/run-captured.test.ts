import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCapturedProcess } from '../../src/proc/run-captured.ts';
import { gitIn } from '../../src/git/command.ts';

const options = { cwd: os.tmpdir(), env: process.env, timeoutMs: 30_000 };

test('stdin is handed over and stdout and stderr come back whole and apart, byte for byte (CRLF, no newline at the end, a line over 1 MiB)', async () => {
  const long = 'x'.repeat(3 * 1024 * 1024);
  const input = `first\r\nsecond\n${long}`;
  const script =
    "let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',(c)=>s+=c).on('end',()=>{process.stdout.write(s);process.stderr.write('é on stderr\\n');process.exitCode=4})";
  const result = await runCapturedProcess([process.execPath, '-e', script], { ...options, input });
  assert.equal(result.exitCode, 4);
  assert.equal(result.stdout.length, input.length);
  assert.ok(result.stdout === input, 'stdout is the input, unchanged');
  assert.equal(result.stderr, 'é on stderr\n');
  assert.ok(result.outputTail.length > 0 && result.outputTail.length <= 50, 'the tail stays bounded');
});

test('without input the child reads an empty stdin; a missing program is exit 127 with empty output', async () => {
  const empty = await runCapturedProcess(['cat'], options);
  assert.deepEqual([empty.exitCode, empty.stdout, empty.stderr], [0, '', '']);
  const missing = await runCapturedProcess(['surely-not-a-program-xyz'], options);
  assert.equal(missing.exitCode, 127);
  assert.equal(missing.stdout, '');
});

test('git through the one spawn: a missing working directory or a missing git is a non-zero exit with the reason, never a rejection', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-git-'));
  try {
    const gone = await gitIn(path.join(dir, 'gone'))(['status']);
    assert.equal(gone.exitCode, 1);
    assert.match(gone.stderr, /^git could not be started: its working directory .*gone does not exist\n$/);
    const noGit = await gitIn(dir, { PATH: dir })(['--version']);
    assert.equal(noGit.exitCode, 127);
    assert.match(noGit.stderr, /^git was not found \(exit code 127\)\n$/);
    const version = await gitIn(dir)(['--version']);
    assert.equal(version.exitCode, 0);
    assert.match(version.stdout, /^git version \d/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
