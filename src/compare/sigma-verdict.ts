import { describeSigmaGate, leaveOneOut, sigmaGate } from '../stats/sigma-gate.ts';
import type { SigmaGateOptions, SigmaVerdict } from '../stats/sigma-types.ts';
import type { MetricData } from '../metrics/series.ts';
import type { BaselineJson } from '../record/types.ts';
import { bandFor, decodeBands } from '../record/band.ts';
import type { MetricComparison, Verdict } from './types.ts';
import { sortDriftFirst } from './compare.ts';
import { isDriftedMetric } from './outcome.ts';

/**
 * A verdict whose metric statuses come from the σ gate (pure): the rtol/atol compare still gives
 * the per-step detail against the baseline's own run (first divergent step, largest differences),
 * while pass or drift is decided against the band. `firstOutOfToleranceStep` becomes the last step
 * of the first gated window (or the final step) that fell outside.
 */
export function withSigmaGate(verdict: Verdict, gate: SigmaVerdict, band: 'same-seed' | 'seed'): Verdict {
  const gated = new Map(gate.metrics.map((m) => [m.name, m]));
  const metrics: MetricComparison[] = verdict.metrics.map((comparison) => {
    const sigma = gated.get(comparison.name);
    if (!sigma) return comparison;
    return {
      ...comparison,
      status: sigma.status,
      firstOutOfToleranceStep:
        sigma.status === 'pass' ? null : (sigma.firstFailingStep ?? comparison.firstOutOfToleranceStep),
      sigma: {
        band,
        runs: sigma.runs,
        scale: sigma.scale,
        k: sigma.k,
        nominalFalseAlarmRate: sigma.nominalFalseAlarmRate,
        sigmas: sigma.sigmas,
        finalSigmas: sigma.finalSigmas,
        tailSigmas: sigma.tailSigmas,
        worstPoint: sigma.worstPoint,
        note: sigma.note,
      },
    };
  });
  const drifted = metrics.some(isDriftedMetric);
  return { ...verdict, status: drifted ? 'drift' : 'pass', metrics: sortDriftFirst(metrics) };
}

/** One report line per gated metric: how many σ away, where, and on which scale. */
export function sigmaLines(verdict: Verdict): string[] {
  return verdict.metrics.flatMap((m) => {
    const s = m.sigma;
    if (!s || s.sigmas === null) return s?.note ? [`\`${m.name}\`: ${s.note}`] : [];
    const tail = s.tailSigmas === null ? '' : `, mean of the last window ${s.tailSigmas.toFixed(2)}σ`;
    return [
      `\`${m.name}\`: ${s.sigmas.toFixed(2)}σ at ${s.worstPoint} (final ${s.finalSigmas!.toFixed(2)}σ${tail}; ${s.scale} scale; k ${s.k.toFixed(2)}, nominal false-alarm rate ${(100 * s.nominalFalseAlarmRate).toPrecision(2)}%; ${s.band} band of ${s.runs})${s.note ? ` — ${s.note}` : ''}`,
    ];
  });
}

/**
 * Against a statistical baseline, pass or drift comes from the σ gate: a run with the baseline's
 * seed against the same-seed band, any other (or one of unknown seed) against the seed band
 * (src/record/band.ts). Without a band the plain verdict stands. The lines say which test,
 * band, scale and nominal false-alarm rate applied, and the leave-one-out false-alarm rate
 * measured on the band itself.
 */
export function judgeAgainstBand(
  plain: Verdict,
  baseline: BaselineJson,
  where: string,
  current: MetricData,
  seed: number | null,
  options: SigmaGateOptions,
): { verdict: Verdict; lines: string[] } {
  const bands = decodeBands(baseline, where);
  const band = bands ? bandFor(bands, seed) : null;
  if (!band) return { verdict: plain, lines: [] };
  const members = band.members.map((m) => m.data);
  const verdict = withSigmaGate(plain, sigmaGate(members, current, options), band.kind);
  const calibration = leaveOneOut(members, options);
  return {
    verdict,
    lines: [
      `${band.kind === 'same-seed' ? "Same-seed band (the run has the baseline's seed)" : 'Seed band'}: ${describeSigmaGate(options, members.length)}`,
      ...(calibration
        ? [
            `leave-one-out over the band: ${calibration.alarms} of ${calibration.runs} runs flagged (empirical false-alarm rate ${(100 * calibration.rate).toFixed(0)}%)`,
          ]
        : []),
      ...sigmaLines(verdict),
    ],
  };
}
