import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { compareMetrics } from '../../src/compare/compare.ts';
import { DEFAULT_TOLERANCE, TolerancePicker } from '../../src/compare/tolerance.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { CHART_PALETTE, MAX_CHART_POINTS } from '../../src/report/chart.ts';
import type { MetricData } from '../../src/metrics/series.ts';
import { artifactPath, openWatchedPage, REPO_ROOT, skipWithoutChromium } from '../support/chromium.ts';

/** Five losses over 3,000 steps; in the run four part from the baseline by 1e-6 … 4e-2 from step 1,234 on. */
function losses(parted: boolean): MetricData {
  const steps = Array.from({ length: 3000 }, (_, i) => i);
  const series = new Map<string, { steps: number[]; values: number[] }>();
  for (let m = 0; m < 5; m++) {
    const shift = parted && m > 0 ? 10 ** (m - 7) * 4 ** m : 0;
    series.set(`loss_${m}`, {
      steps,
      values: steps.map((s) => 2 * Math.exp(-s / 400) + 0.1 + (s >= 1234 ? shift * (1 + Math.sin(s / 50)) : 0)),
    });
  }
  return { series, finals: new Map(), notes: [] };
}

test(
  'the PR comment renders in mermaid: no error, two distinct line colours, at most 40 step labels',
  { skip: skipWithoutChromium, timeout: 120_000 },
  async () => {
    const baseline = losses(false);
    const current = losses(true);
    const verdict = compareMetrics(baseline, current, {
      tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
      include: [],
      ignore: [],
    });
    const markdown = renderMarkdown({
      outcome: verdict.status,
      verdict,
      baselineData: baseline,
      currentData: current,
      runLabel: 'commit abc',
      baselineLabel: '.repro/baseline.json',
      toleranceLines: [],
      environmentDifferences: [],
      checkpointLines: [],
      notes: [],
    });
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.equal(blocks.length, 8, 'curves and difference for each of the four drifted metrics');

    const { browser, page, requests, errors } = await openWatchedPage();
    try {
      await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"></body></html>');
      await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
      const charts = await page.evaluate(async (sources) => {
        // Browser globals, typed here as far as used (the project compiles without the DOM library).
        interface Element {
          innerHTML: string;
          getAttribute(name: string): string | null;
          querySelector(selector: string): Element | null;
          querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
          appendChild(child: Element): void;
        }
        const { mermaid, document } = globalThis as unknown as {
          mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> };
          document: { createElement(tag: string): Element; body: Element };
        };
        mermaid.initialize({ startOnLoad: false });
        const out: Array<{ error: string | null; lineColours: string[]; xLabels: number }> = [];
        for (const [i, source] of sources.entries()) {
          try {
            const { svg } = await mermaid.render(`chart${i}`, source);
            const holder = document.createElement('div');
            holder.innerHTML = svg;
            document.body.appendChild(holder);
            const lines = [...holder.querySelectorAll('g.plot [class^="line-plot"] path')].map(
              (p) => p.getAttribute('stroke') ?? '',
            );
            out.push({
              error: holder.querySelector('.error-text') ? 'mermaid drew its error box' : null,
              lineColours: lines,
              xLabels: holder.querySelectorAll('g.bottom-axis g.label text').length,
            });
          } catch (error) {
            out.push({ error: String(error), lineColours: [], xLabels: 0 });
          }
        }
        return out;
      }, blocks);
      await page.screenshot({ path: await artifactPath('mermaid-comment.png'), fullPage: true });
      charts.forEach((chart, i) => {
        assert.equal(chart.error, null, `chart ${i}:\n${blocks[i]}`);
        assert.ok(chart.xLabels > 2 && chart.xLabels <= MAX_CHART_POINTS, `chart ${i}: ${chart.xLabels} x labels`);
      });
      for (let i = 0; i < charts.length; i += 2) {
        assert.deepEqual(
          charts[i]!.lineColours.map((c) => c.toLowerCase()),
          [CHART_PALETTE.current.hex, CHART_PALETTE.baseline.hex],
          `curves chart ${i}`,
        );
        assert.deepEqual(
          charts[i + 1]!.lineColours.map((c) => c.toLowerCase()),
          [CHART_PALETTE.difference.hex],
          `difference chart ${i + 1}`,
        );
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, []);
    } finally {
      await browser.close();
    }
  },
);
