import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { artifactPath, openWatchedPage, skipWithoutChromium } from '../support/chromium.ts';

const fixtures = path.resolve('test/fixtures/metrics');

test(
  'compare --html writes a self-contained report: it renders every metric offline, with no console errors and no requests',
  { skip: skipWithoutChromium, timeout: 120_000 },
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-html-'));
    try {
      // The PyTorch fixture with the train loss 1% higher from step 20 on.
      const lines = (await readFile(path.join(fixtures, 'pytorch-train.jsonl'), 'utf8')).split('\n');
      await writeFile(
        path.join(dir, 'current.jsonl'),
        lines
          .map((l) =>
            /"step": ([2-9]\d|\d{3,})\b/.test(l)
              ? l.replace(/"loss": ([0-9.]+)/, (_all, v: string) => `"loss": ${Number(v) * 1.01}`)
              : l,
          )
          .join('\n'),
      );
      let stdout = '';
      const code = await runCli(
        [
          'compare',
          path.join(fixtures, 'pytorch-train.jsonl'),
          'current.jsonl',
          '--html',
          'out/report.html',
          '--format',
          'json',
        ],
        { cwd: dir, env: {}, stdout: (t) => (stdout += t), stderr: () => undefined },
      );
      assert.equal(code, 1);
      const metrics = JSON.parse(stdout).metrics.filter((m: { kind: string }) => m.kind === 'series').length;
      assert.ok(metrics >= 2);
      const html = await readFile(path.join(dir, 'out/report.html'), 'utf8');
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'nothing loaded from elsewhere');

      const { browser, page, requests, errors } = await openWatchedPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.waitForSelector('.uplot');
        assert.equal(
          await page.locator('#charts .uplot').count(),
          2 * metrics,
          'curves and difference for every metric',
        );
        assert.match(await page.locator('h1').innerText(), /drift/);
        assert.ok((await page.locator('table tr.drift').count()) >= 1);
        // Hover: the legend shows the values under the cursor.
        const plot = page.locator('#charts .uplot .u-over').first();
        const box = (await plot.boundingBox())!;
        await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
        const legend = await page.locator('#charts .uplot').first().locator('.u-legend .u-value').allInnerTexts();
        assert.ok(
          legend.some((v) => /\d/.test(v) && v !== '--'),
          `legend values: ${legend.join(', ')}`,
        );
        await page.screenshot({ path: await artifactPath('report-html.png'), fullPage: true });
        assert.deepEqual(errors, []);
        assert.deepEqual(requests, []);
      } finally {
        await browser.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
