import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { repoPathWithin, toPosixPath } from '../src/repo-path.ts';

const root = path.resolve('/work/repo');

test('a file below the root is named as git names it, relative and with / separators', () => {
  assert.equal(repoPathWithin(root, path.join(root, 'logs', 'train.csv')), 'logs/train.csv');
  assert.equal(repoPathWithin(root, 'logs/../metrics.jsonl'), 'metrics.jsonl');
  // A name that merely starts with two dots is inside the repository.
  assert.equal(repoPathWithin(root, path.join(root, '..hidden', 'a.csv')), '..hidden/a.csv');
});

test('the root itself and anything outside it have no repository path', () => {
  assert.equal(repoPathWithin(root, root), null);
  assert.equal(repoPathWithin(root, '.'), null);
  assert.equal(repoPathWithin(root, '..'), null);
  assert.equal(repoPathWithin(root, path.resolve(root, '..', 'other', 'a.csv')), null);
  assert.equal(repoPathWithin(root, '/tmp/runner-temp/out/metrics.csv'), null);
});

test('toPosixPath turns the platform separator into /', () => {
  assert.equal(toPosixPath(['a', 'b', 'c.json'].join(path.sep)), 'a/b/c.json');
});
