/** The resume audit's report (pure): markdown for people, JSON for tools. */
import { encodeNumber } from '../numbers.ts';
import type { ResumeAnalysis } from '../modes/resume-audit.ts';

/**
 * `{"status", "resumeAt", "firstDivergentStep", "divergentMetrics", "likelyMissingState",
 * "metrics": [{name, status, firstDivergentStep, maxAbsDiff}], "firstLeg": {"status", "metrics"}}`.
 */
export function resumeAuditToJson(analysis: ResumeAnalysis): object {
  const metrics = (verdict: ResumeAnalysis['resumed']) =>
    verdict.metrics.map((m) => ({
      name: m.name,
      status: m.status,
      firstDivergentStep: m.firstDivergentStep,
      maxAbsDiff: m.maxAbsDiff === null ? null : encodeNumber(m.maxAbsDiff),
    }));
  return {
    status: analysis.status,
    resumeAt: analysis.resumeAt,
    firstDivergentStep: analysis.firstDivergentStep,
    divergentMetrics: analysis.divergentMetrics,
    likelyMissingState: analysis.likelyMissingState,
    metrics: metrics(analysis.resumed),
    firstLeg: { status: analysis.firstLeg.status, metrics: metrics(analysis.firstLeg) },
  };
}

/** The exact-resume audit as a markdown section (pure): pass, or where the resumed run parted and why it may have. */
export function renderResumeAudit(analysis: ResumeAnalysis): string {
  const lines = [`### Exact-resume audit: stopped after step ${analysis.resumeAt}, resumed`, ''];
  if (analysis.status === 'pass') {
    const compared = analysis.resumed.metrics.filter((m) => m.status === 'pass').length;
    lines.push(
      `**pass**: the resumed run is bit-identical to the uninterrupted one from step ${analysis.resumeAt + 1} on (${compared} metrics).`,
      '',
    );
    return lines.join('\n');
  }
  lines.push(
    `**drift**: ${analysis.firstDivergentStep === null ? 'the runs differ' : `first divergent step ${analysis.firstDivergentStep}`}${analysis.divergentMetrics.length > 0 ? ` (${analysis.divergentMetrics.slice(0, 10).join(', ')}${analysis.divergentMetrics.length > 10 ? ', …' : ''})` : ''}.`,
    '',
  );
  lines.push(`Likely cause: ${analysis.likelyMissingState}.`, '');
  const rows = [
    ...analysis.resumed.metrics,
    ...analysis.firstLeg.metrics.map((m) => ({ ...m, name: `${m.name} (first leg)` })),
  ].filter((m) => m.status !== 'pass');
  if (rows.length > 0) {
    lines.push('| metric | status | first divergent step | max abs diff |', '| --- | --- | ---: | ---: |');
    for (const m of rows)
      lines.push(
        `| \`${m.name}\` | ${m.status} | ${m.firstDivergentStep ?? '—'} | ${m.maxAbsDiff === null ? '—' : m.maxAbsDiff.toExponential(3)} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
