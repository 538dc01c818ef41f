// Rendering the reports of a big drift (markdown with mermaid charts, the terminal view, the HTML
// report with its chart data) against the least any report of those runs costs: writing both
// runs' series out as JSON once. Down-sampling (LTTB) keeps the reports' size, and so their cost,
// bounded however many steps a run logs.
import { tsImport } from 'tsx/esm/api';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchReports() {
  const { compareMetrics } = await tsImport('../../src/compare/compare.ts', import.meta.url);
  const { TolerancePicker, DEFAULT_TOLERANCE } = await tsImport('../../src/compare/tolerance.ts', import.meta.url);
  const { renderMarkdown } = await tsImport('../../src/report/markdown.ts', import.meta.url);
  const { renderTerminal } = await tsImport('../../src/report/terminal.ts', import.meta.url);
  const { renderHtml } = await tsImport('../../src/report/html.ts', import.meta.url);
  const metrics = 100;
  const steps = 10_000;
  const data = (parted) => {
    const series = new Map();
    const stepList = Array.from({ length: steps }, (_, s) => s);
    for (let m = 0; m < metrics; m++)
      series.set(`group${m % 10}.metric_${m}`, {
        steps: stepList,
        values: stepList.map(
          (s) => Math.exp(-s / 3000) + Math.sin(s * 0.01 + m) * 0.01 + (parted && s > 5000 ? 1e-4 : 0),
        ),
      });
    return { series, finals: new Map(), notes: [] };
  };
  const baseline = data(false);
  const current = data(true);
  const compare = () =>
    compareMetrics(baseline, current, {
      tolerances: new TolerancePicker(DEFAULT_TOLERANCE, 'default', {}),
      include: [],
      ignore: [],
    });
  const serialise = () => JSON.stringify([...baseline.series, ...current.series]).length;
  const render = (verdict) => {
    const input = {
      outcome: verdict.status,
      verdict,
      baselineData: baseline,
      currentData: current,
      runLabel: 'bench',
      baselineLabel: 'bench',
      toleranceLines: [],
      environmentDifferences: [],
      checkpointLines: [],
      notes: [],
    };
    return (
      renderMarkdown(input).length +
      renderTerminal(input, { colour: true, columns: 120 }).length +
      renderHtml(input, { js: '', css: '' }).length
    );
  };
  const verdict = compare();
  render(verdict);
  serialise();
  const serialising = [];
  const rendering = [];
  for (let i = 0; i < 5; i++) {
    let start = performance.now();
    serialise();
    serialising.push(performance.now() - start);
    start = performance.now();
    render(verdict);
    rendering.push(performance.now() - start);
  }
  return {
    name: `markdown + terminal + HTML reports (${metrics} drifted metrics x ${steps.toLocaleString('en')} steps) vs JSON.stringify of both runs' series`,
    ratio: median(rendering) / median(serialising),
    detail: `${median(rendering).toFixed(0)} ms vs ${median(serialising).toFixed(0)} ms (median of 5)`,
  };
}
