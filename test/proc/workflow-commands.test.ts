import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protectWorkflowCommands } from '../../src/proc/workflow-commands.ts';

function capture(env: NodeJS.ProcessEnv, lines: string[]): string[] {
  const written: string[] = [];
  const output = protectWorkflowCommands((text) => written.push(text), env);
  output.begin();
  for (const line of lines) output.line(line);
  output.end();
  return written.join('').split('\n').slice(0, -1);
}

const TRAINING_OUTPUT = [
  'step 1 loss 0.9',
  '::set-output name=status::pass',
  '::add-mask::nothing',
  '::error::fake failure',
  'step 2 loss 0.8',
];

test('under GitHub Actions the output is wrapped in stop-commands with a random 128-bit token', () => {
  const shown = capture({ GITHUB_ACTIONS: 'true' }, TRAINING_OUTPUT);
  const token = /^::stop-commands::([0-9a-f]+)$/.exec(shown[0]!)?.[1];
  assert.ok(token, shown[0]);
  assert.equal(token.length, 32);
  assert.deepEqual(shown, [`::stop-commands::${token}`, ...TRAINING_OUTPUT, `::${token}::`]);
  const second = /^::stop-commands::([0-9a-f]+)$/.exec(capture({ GITHUB_ACTIONS: 'true' }, ['x'])[0]!)?.[1];
  assert.ok(second && second !== token, 'each wrapper draws its own token');
});

test('each stretch of output gets a fresh token, so a token printed earlier cannot resume commands later', () => {
  const written: string[] = [];
  const output = protectWorkflowCommands((text) => written.push(text), { GITHUB_ACTIONS: 'true' });
  output.line('first run');
  output.end();
  output.line('second run');
  output.end();
  const tokens = written
    .filter((text) => text.startsWith('::stop-commands::'))
    .map((text) => text.trim().slice('::stop-commands::'.length));
  assert.equal(tokens.length, 2);
  assert.notEqual(tokens[0], tokens[1]);
  assert.deepEqual(written, [
    `::stop-commands::${tokens[0]}\n`,
    'first run\n',
    `::${tokens[0]}::\n`,
    `::stop-commands::${tokens[1]}\n`,
    'second run\n',
    `::${tokens[1]}::\n`,
  ]);
});

test('begin() opens the stretch before any output (a training may write to our stdout before it prints), end() twice closes once', () => {
  const written: string[] = [];
  const output = protectWorkflowCommands((text) => written.push(text), { GITHUB_ACTIONS: 'true' });
  output.begin();
  assert.match(written[0]!, /^::stop-commands::[0-9a-f]{32}\n$/, 'opened with no training output yet');
  output.begin();
  output.end();
  output.end();
  assert.equal(written.length, 2, 'a second begin() keeps the open stretch; a second end() writes nothing');
  assert.equal(written[1], `::${written[0]!.trim().slice('::stop-commands::'.length)}::\n`);
});

test('outside GitHub Actions the lines pass through unchanged', () => {
  assert.deepEqual(capture({}, TRAINING_OUTPUT), TRAINING_OUTPUT);
  assert.deepEqual(capture({ GITHUB_ACTIONS: 'false' }, TRAINING_OUTPUT), TRAINING_OUTPUT);
});
