import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileLineSource, textLineSource } from '../../src/metrics/line-source.ts';

async function withFile(content: string | Buffer, body: (file: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-lines-'));
  try {
    const file = path.join(dir, 'log.txt');
    await writeFile(file, content);
    body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a file read in chunks gives the same lines as the text split whole: CRLF, lone CR, multi-byte characters, a line longer than a chunk', async () => {
  // Lines of varied length put line ends, CRLF pairs and 2-, 3- and 4-byte characters across the 1 MiB chunk edges.
  const lines: string[] = [];
  for (let i = 0, length = 0; length < 3.5 * 2 ** 20; i++) {
    lines.push(`${i} ${'é€😀x'.repeat(i % 97)}`);
    length += lines.at(-1)!.length + 1;
  }
  lines.push('y'.repeat(2.5 * 2 ** 20)); // longer than a chunk
  const endings = ['\n', '\r\n', '\r'];
  const text = lines.map((line, i) => line + endings[i % 3]).join('') + 'last line, no line end';
  await withFile(`\uFEFF${text}`, (file) => {
    const source = fileLineSource(file);
    const read = [...source.lines()];
    assert.equal(read.length, lines.length + 1);
    assert.deepEqual(read, text.split(/\r\n|\r|\n/), 'what a whole-text split gives');
    assert.deepEqual([...textLineSource(file, text).lines()], read);
    assert.equal(read[0], lines[0], 'the byte-order mark is dropped');
    assert.equal(read.at(-1), 'last line, no line end');
    assert.equal(source.lastLineUnterminated, true);
  });
  await withFile('a\nb\n', (file) => {
    const source = fileLineSource(file);
    assert.deepEqual([...source.lines()], ['a', 'b']);
    assert.equal(source.lastLineUnterminated, false);
  });
});
