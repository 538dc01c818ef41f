import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

const fixtures = path.resolve('test/fixtures/metrics');

async function cli(args: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: fixtures,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    ...io,
  });
  return { code, stdout, stderr };
}

/** The PyTorch fixture with train loss 1% higher from step 20 on. */
async function withDriftedCopy<T>(body: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-format-'));
  try {
    const lines = (await readFile(path.join(fixtures, 'pytorch-train.jsonl'), 'utf8')).split('\n');
    const shifted = lines.map((line) =>
      line.replace(/"loss": ([0-9.]+)/, (all, value: string) =>
        /"step": ([2-9]\d|\d{3,})\b/.test(line) ? `"loss": ${Number(value) * 1.01}` : all,
      ),
    );
    assert.notDeepEqual(shifted, lines, 'the fixture has a loss to shift');
    const file = path.join(dir, 'current.jsonl');
    await writeFile(file, shifted.join('\n'));
    return await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('compare at a terminal prints the terminal view; into a pipe, markdown; NO_COLOR turns colour off', async () => {
  await withDriftedCopy(async (current) => {
    const terminal = await cli(['compare', 'pytorch-train.jsonl', current], { terminal: { columns: 100 } });
    assert.equal(terminal.code, 1);
    assert.match(terminal.stdout, /^\x1b\[1;31m❌ repro-check: drift/);
    assert.match(terminal.stdout, /┤/, 'a chart');
    assert.doesNotMatch(terminal.stdout, /```mermaid|\| --- \|/);
    const plain = await cli(['compare', 'pytorch-train.jsonl', current], {
      terminal: { columns: 100 },
      env: { NO_COLOR: '1' },
    });
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    assert.match(plain.stdout, /^❌ repro-check: drift/);
    const piped = await cli(['compare', 'pytorch-train.jsonl', current]);
    assert.match(piped.stdout, /^## ❌ repro-check: drift/);
    assert.match(piped.stdout, /```mermaid/);
    const forced = await cli(['compare', 'pytorch-train.jsonl', current, '--format', 'text']);
    assert.match(forced.stdout, /^❌ repro-check: drift/, '--format text into a pipe: the terminal view, uncoloured');
    assert.doesNotMatch(forced.stdout, /\x1b\[/);
  });
});

test('--format json prints one JSON error object on exit 2: a bad file names file and line', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-format-'));
  try {
    await writeFile(path.join(dir, 'bad.jsonl'), '{"step": 0, "loss": 1}\n{"step": 1, "loss": \n');
    const bad = await cli(['compare', 'bad.jsonl', 'bad.jsonl', '--format', 'json'], { cwd: dir });
    assert.equal(bad.code, 2);
    const json = JSON.parse(bad.stdout);
    assert.equal(json.status, 'error');
    assert.equal(json.error.file, path.join(dir, 'bad.jsonl'));
    assert.equal(json.error.line, 2);
    assert.match(json.error.message, /bad\.jsonl:2/);
    assert.match(bad.stderr, /bad\.jsonl:2/, 'the message still goes to stderr');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const unknownFlag = await cli(['compare', 'a', 'b', '--nope', '--format=json']);
  assert.equal(unknownFlag.code, 2);
  assert.deepEqual(Object.keys(JSON.parse(unknownFlag.stdout).error), ['message', 'hint', 'file', 'line']);
  assert.match(JSON.parse(unknownFlag.stdout).error.message, /--nope: not an option of `compare`/);
  const missing = await cli(['compare', 'nothere.jsonl', 'pytorch-train.jsonl', '--format', 'json']);
  assert.equal(missing.code, 2);
  assert.equal(JSON.parse(missing.stdout).status, 'error');
  const markdown = await cli(['compare', 'nothere.jsonl', 'pytorch-train.jsonl']);
  assert.equal(markdown.stdout, '', 'without --format json, errors go to stderr only');
});

test(
  'the bundled CLI in a real terminal (a pseudo-terminal from util-linux script) prints the coloured terminal view',
  { skip: existsSync('/usr/bin/script') ? false : 'util-linux `script` not found' },
  async () => {
    const bundle = path.resolve('dist/cli.js');
    const fixture = path.join(fixtures, 'pytorch-train.jsonl');
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve, reject) => {
        execFile(
          '/usr/bin/script',
          [
            '-qec',
            `${JSON.stringify(process.execPath)} ${JSON.stringify(bundle)} compare ${JSON.stringify(fixture)} ${JSON.stringify(fixture)}`,
            '/dev/null',
          ],
          { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
    assert.match(await run({}), /^\x1b\[1;32m✅ repro-check: reproduced/);
    const plain = await run({ NO_COLOR: '1' });
    assert.match(plain, /^✅ repro-check: reproduced/);
    assert.doesNotMatch(plain, /\x1b\[/);
  },
);
