import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLine, fitMarkdown } from '../../src/github/text-limits.ts';
import { commentMarker, markedComments, ownStickyComments } from '../../src/github/comment.ts';
import { batches } from '../../src/github/check-run.ts';

test('fitMarkdown leaves short text alone and cuts long text to the limit with the note', () => {
  assert.equal(fitMarkdown('short', 10, 'NOTE'), 'short');
  const fitted = fitMarkdown('a'.repeat(100), 50, 'NOTE');
  assert.equal(fitted.length, 50);
  assert.ok(fitted.endsWith('\n\nNOTE'));
});

test('fitMarkdown closes a code fence and open <details> the cut left open', () => {
  const text = `<details><summary>x</summary>\n\n<details>\n\n\`\`\`\n${'row\n'.repeat(100)}\`\`\`\n</details>\n</details>`;
  const fitted = fitMarkdown(text, 200, 'NOTE');
  assert.ok(fitted.length <= 200);
  assert.match(fitted, /row\n```\n<\/details>\n<\/details>\n\nNOTE$/);
});

test('fitMarkdown and fitLine never split a surrogate pair', () => {
  const emoji = '📈'.repeat(50); // 100 UTF-16 units
  const fitted = fitMarkdown(emoji, 25, 'N');
  assert.ok(!/[\ud800-\udbff]\n/.test(fitted), 'no lone high surrogate before the note');
  const line = fitLine(emoji, 10);
  assert.ok(line.length <= 10 && line.endsWith('…'));
  assert.equal(line, '📈📈📈📈…');
});

test('fitLine folds whitespace onto one line', () => {
  assert.equal(fitLine('  drift\n in   loss ', 140), 'drift in loss');
});

test('the comment marker percent-encodes the key and recognises only our own first line', () => {
  assert.equal(commentMarker('repro'), '<!-- repro-check:comment-key=repro -->');
  assert.equal(commentMarker('a-->b'), '<!-- repro-check:comment-key=a%2D%2D%3Eb -->');
  const marker = commentMarker('repro');
  const comment = (id: number, login: string | null, body = `${marker}\nreport`) => ({
    id,
    body,
    html_url: '',
    user: login === null ? null : { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
  });
  const marked = markedComments(
    [
      comment(5, 'acme-ci[bot]'),
      comment(3, 'mallory'),
      comment(4, 'github-actions[bot]', `> ${marker}\nquoted`),
      comment(2, null),
      comment(1, 'GitHub-Actions[bot]'),
    ],
    marker,
  );
  assert.deepEqual(
    marked.map((c) => c.id),
    [1, 2, 3, 5],
    'first line only, oldest first',
  );
  assert.deepEqual(
    ownStickyComments(marked, 'github-actions[bot]').map((c) => c.id),
    [1],
    'logins compare case-insensitively',
  );
  assert.deepEqual(
    ownStickyComments(marked, 'acme-ci[bot]').map((c) => c.id),
    [5],
  );
  // Identity unknown: the oldest marked comment by a bot names it; a person's paste is never taken.
  assert.deepEqual(
    ownStickyComments(marked, null).map((c) => c.id),
    [1],
  );
  assert.deepEqual(
    ownStickyComments(
      marked.filter((c) => c.id !== 1),
      null,
    ).map((c) => c.id),
    [5],
  );
  assert.deepEqual(ownStickyComments([comment(3, 'mallory')], null), []);
});

test('batches splits into consecutive groups of at most the size', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([], 50), []);
});
