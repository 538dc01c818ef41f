import type { MetricData } from '../metrics/series.ts';
import { computeBand } from '../stats/band.ts';
import { encodeNumber } from '../numbers.ts';
import { decodeMetricData, encodeMetricData } from './codec.ts';
import type { BandJson, BaselineJson } from './types.ts';

/** One run that goes into a band: where it came from (a file, "seed 8"), its seed when known, and its metrics. */
export interface BandMember {
  source: string;
  seed: number | null;
  data: MetricData;
}

/** The `band` JSON block over `members` (pure): their metrics and per-point statistics. */
export function encodeBand(members: readonly BandMember[], ignore: readonly string[]): BandJson {
  const metrics: BandJson['metrics'] = {};
  for (const [name, band] of computeBand(
    members.map((m) => m.data),
    ignore,
  )) {
    metrics[name] = {
      steps: band.steps,
      mean: band.points.map((p) => encodeNumber(p.mean)),
      std: band.points.map((p) => encodeNumber(p.std)),
      count: band.points.map((p) => p.count),
      min: band.points.map((p) => encodeNumber(p.min)),
      max: band.points.map((p) => encodeNumber(p.max)),
    };
  }
  return {
    members: members.map((m) => ({ source: m.source, seed: m.seed, metrics: encodeMetricData(m.data) })),
    metrics,
  };
}

/** The bands of a baseline as runs the σ gate can use, or null when it has none. */
export interface BaselineBands {
  seed: BandMember[] | null;
  sameSeed: BandMember[] | null;
  /** The seed of the baseline's own run (the same-seed band's seed), when known. */
  baseSeed: number | null;
}

/**
 * The bands a baseline holds, decoded to metric data per member (seed band, same-seed band, and
 * the baseline run's seed), or null when it holds none. WHERE names the file in errors.
 * @throws InputFileError naming WHERE and the member for a series whose steps and values differ in length.
 */
export function decodeBands(baseline: BaselineJson, where: string): BaselineBands | null {
  if (!baseline.band?.seed && !baseline.band?.sameSeed) return null;
  const decode = (band: BandJson | undefined, key: string) =>
    band
      ? band.members.map((m, i) => ({
          source: m.source,
          seed: m.seed,
          data: decodeMetricData(m.metrics, `${where}: band.${key}.members[${i}]`),
        }))
      : null;
  const sameSeed = decode(baseline.band.sameSeed, 'sameSeed');
  return {
    seed: decode(baseline.band.seed, 'seed'),
    sameSeed,
    baseSeed: baseline.runs[0]?.provenance.seed ?? sameSeed?.[0]?.seed ?? null,
  };
}

/**
 * Which band judges a run (issue 14): a run made with the baseline's own seed is judged against
 * the same-seed band (the numerical level when that band has no spread), any other against the
 * seed band. Null when the fitting band is missing.
 */
export function bandFor(
  bands: BaselineBands,
  runSeed: number | null,
): { kind: 'same-seed' | 'seed'; members: BandMember[] } | null {
  if (runSeed !== null && runSeed === bands.baseSeed && bands.sameSeed)
    return { kind: 'same-seed', members: bands.sameSeed };
  return bands.seed ? { kind: 'seed', members: bands.seed } : null;
}
