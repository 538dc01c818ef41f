import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectRunMetrics } from '../../src/metrics/collect.ts';
import { DEFAULT_IGNORED_METRICS } from '../../src/settings/schema.ts';
import { plainSeries } from '../support/plain-series.ts';

async function withDir(files: Record<string, string>, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-collect-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('step-key per prefix of the map form of metrics', async () => {
  await withDir({ 'a.csv': 'batch,loss\n0,1\n1,0.5\n', 'b.jsonl': '{"step": 5, "acc": 0.5}\n' }, async (dir) => {
    const { data } = await collectRunMetrics(
      { train: 'a.csv', eval: 'b.jsonl' },
      { baseDir: dir, notBefore: null, stepKey: { train: 'batch' } },
    );
    assert.deepEqual(plainSeries(data.series.get('train.loss')), { steps: [0, 1], values: [1, 0.5] });
    assert.deepEqual(plainSeries(data.series.get('eval.acc')), { steps: [5], values: [0.5] });
    assert.deepEqual(
      data.stepAxes!.map((axis) => [path.basename(axis.file), axis.stepKey]),
      [
        ['a.csv', 'batch'],
        ['b.jsonl', 'step'],
      ],
    );
  });
});

test("a glob names DVCLive's files the same whether it matched one file or several, dropping the stem of a file's one metric", async () => {
  const tsv = (name: string) => `timestamp\tstep\t${name}\n1700000000000\t0\t0.9\n1700000000001\t1\t0.7\n`;
  const glob = 'dvclive/plots/metrics/*.tsv';
  const options = (dir: string) => ({ baseDir: dir, notBefore: null, wallClock: DEFAULT_IGNORED_METRICS });
  await withDir({ 'dvclive/plots/metrics/train/loss.tsv': tsv('loss') }, async (dir) => {
    const { data } = await collectRunMetrics(glob, options(dir));
    assert.deepEqual([...data.series.keys()].sort(), ['train.loss', 'train.loss.timestamp']);
  });
  await withDir(
    {
      'dvclive/plots/metrics/train/loss.tsv': tsv('loss'),
      'dvclive/plots/metrics/eval/acc.tsv': tsv('acc'),
      'dvclive/plots/metrics/eval/loss.tsv': tsv('loss'),
      'dvclive/plots/metrics/eval/extra.tsv': tsv('other'),
    },
    async (dir) => {
      const { data } = await collectRunMetrics(glob, options(dir));
      assert.deepEqual([...data.series.keys()].sort(), [
        'eval.acc',
        'eval.acc.timestamp',
        'eval.extra.other',
        'eval.extra.timestamp',
        'eval.loss',
        'eval.loss.timestamp',
        'train.loss',
        'train.loss.timestamp',
      ]);
    },
  );
});
