import type { AuditFindings } from '../audit/analyse.ts';
import { encodeNumber, type EncodedNumber } from '../numbers.ts';
import { cell, formatDiff, formatStep } from './format.ts';

/** What the audit report shows beyond the findings: who ran, with what, and how long it took. */
export interface AuditReportInput {
  findings: AuditFindings;
  commit: string;
  seed: number;
  /** Seeds of the seed runs, in order. */
  otherSeeds: number[];
  gateLine: string;
  /** Wall time of the whole audit and of the trainings inside it, in milliseconds (0: trained elsewhere). */
  wallMs: number;
  trainingMs: number;
  /** Report lines about the environment (pinning risks, the interpreter probed). */
  environmentLines: string[];
}

const LEVEL_TEXT = {
  numerical: 'numerical (bit-for-bit)',
  statistical: 'statistical (within seed noise)',
  'not reproducible': 'not reproducible',
} as const;

/** The audit report as markdown (pure). */
export function renderAuditMarkdown(input: AuditReportInput): string {
  const f = input.findings;
  const icon = f.reached ? (f.warnings.length > 0 ? '⚠️' : '✅') : '❌';
  const lines = [
    `## ${icon} repro-check audit: ${LEVEL_TEXT[f.level]}${f.reached ? '' : ` — expected ${f.expect}`}`,
    '',
    `Commit ${input.commit.slice(0, 12)}: ${f.sameSeedRuns} runs with seed ${input.seed}${f.seedRuns > 0 ? `, ${f.seedRuns} with seeds ${describeSeeds(input.otherSeeds)}` : ''}. ` +
      (f.bitIdentical
        ? `The same-seed runs are bit-for-bit identical${f.tensors.compared ? ` (metrics and all ${f.tensors.total} final tensors)` : ''}.`
        : 'The same-seed runs are **not** bit-for-bit identical.'),
    '',
  ];
  for (const warning of f.warnings) lines.push(`> [!WARNING]\n> ${warning}`, '');
  if (f.metrics.length > 0) {
    lines.push(
      '| metric | same-seed runs | first divergent step | max \\|diff\\| | σ from the seed band |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const m of f.metrics) {
      lines.push(
        `| ${cell(m.name)} | ${m.identical ? 'identical' : '**differ**'} | ${formatStep(m.firstDivergentStep)} | ${m.maxAbsDiff === null ? '—' : formatDiff(m.maxAbsDiff)} | ${m.sigmas === null ? '—' : `${m.sigmas.toFixed(2)}${m.scale === 'log' ? ' (log scale)' : ''}`} |`,
      );
    }
    lines.push('');
  }
  if (f.tensors.compared)
    lines.push(
      f.tensors.differing.length === 0
        ? `Final checkpoints: all ${f.tensors.total} tensors identical.`
        : `Final checkpoints: ${f.tensors.differing.length} of ${f.tensors.total} tensors differ: ${f.tensors.differing.slice(0, 10).join(', ')}${f.tensors.differing.length > 10 ? ', …' : ''}.`,
      '',
    );
  if (f.causes.length > 0) lines.push('### Likely causes', '', ...f.causes.map((c) => `- ${c}`), '');
  if (f.seedRuns > 0) {
    lines.push('### Gate', '', input.gateLine);
    if (f.calibration)
      lines.push(
        '',
        `Leave-one-out over the ${f.calibration.runs} seed runs: ${f.calibration.alarms} of ${f.calibration.runs} flagged (empirical false-alarm rate ${(f.calibration.rate * 100).toFixed(0)}%).`,
      );
    lines.push('');
  }
  if (input.environmentLines.length > 0)
    lines.push('### Environment', '', ...input.environmentLines.map((l) => `- ${l}`), '');
  // Aggregated records were trained elsewhere: there is no wall time of ours to show.
  if (input.wallMs > 0) {
    const overhead = (100 * (input.wallMs - input.trainingMs)) / input.wallMs;
    lines.push(
      `<sub>${(input.wallMs / 1000).toFixed(1)} s in all, ${(input.trainingMs / 1000).toFixed(1)} s training (audit overhead ${overhead.toFixed(1)}%).</sub>`,
      '',
    );
  }
  return lines.join('\n');
}

function describeSeeds(seeds: number[]): string {
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1]! + 1);
  return consecutive && seeds.length > 2 ? `${seeds[0]}–${seeds.at(-1)}` : seeds.join(', ');
}

/** `audit --format json`: one object; numbers that may be non-finite are encoded as in run records. */
export interface AuditJson {
  status: 'pass' | 'fail';
  level: AuditFindings['level'];
  expect: AuditFindings['expect'];
  bitIdentical: boolean;
  sameSeedRuns: number;
  seedRuns: number;
  seedIgnored: boolean;
  metrics: Array<{
    name: string;
    identical: boolean;
    firstDivergentStep: number | null;
    maxAbsDiff: EncodedNumber | null;
    sigmas: EncodedNumber | null;
    scale: string | null;
  }>;
  tensors: AuditFindings['tensors'];
  causes: string[];
  warnings: string[];
  gate: string | null;
  calibration: AuditFindings['calibration'];
  wallMs: number;
  trainingMs: number;
}

/**
 * The audit's `--format json` object (pure): status (`pass` when the expected level was reached),
 * level, run counts, per-metric findings; non-finite numbers as the strings of src/numbers.ts.
 */
export function auditToJson(input: AuditReportInput): AuditJson {
  const f = input.findings;
  const encode = (v: number | null) => (v === null ? null : encodeNumber(v));
  return {
    status: f.reached ? 'pass' : 'fail',
    level: f.level,
    expect: f.expect,
    bitIdentical: f.bitIdentical,
    sameSeedRuns: f.sameSeedRuns,
    seedRuns: f.seedRuns,
    seedIgnored: f.seedIgnored,
    metrics: f.metrics.map((m) => ({
      name: m.name,
      identical: m.identical,
      firstDivergentStep: m.firstDivergentStep,
      maxAbsDiff: encode(m.maxAbsDiff),
      sigmas: encode(m.sigmas),
      scale: m.scale,
    })),
    tensors: f.tensors,
    causes: f.causes,
    warnings: f.warnings,
    gate: f.seedRuns > 0 ? input.gateLine : null,
    calibration: f.calibration,
    wallMs: Math.round(input.wallMs),
    trainingMs: Math.round(input.trainingMs),
  };
}
