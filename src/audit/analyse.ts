import type { MetricData } from '../metrics/series.ts';
import type { CheckpointEntry, EnvironmentFingerprint } from '../record/types.ts';
import { compareMetrics } from '../compare/compare.ts';
import { TolerancePicker } from '../compare/tolerance.ts';
import { compareFinalCheckpoints } from '../compare/weights.ts';
import { diffEnvironments } from '../env/environment-diff.ts';
import { leaveOneOut, sigmaGate } from '../stats/sigma-gate.ts';
import type { SigmaGateOptions, SigmaMetric } from '../stats/sigma-types.ts';

/**
 * What a determinism audit found (pure): same-seed runs compared bit for bit, the level of
 * reproducibility reached (the seeds' document: numerical = bit-for-bit; statistical = the
 * same-seed differences lie inside the noise band measured over seeds), and the likely causes.
 */
export type RunKind = 'same-seed' | 'seed';
export type Level = 'numerical' | 'statistical' | 'not reproducible';

export interface AuditRun {
  kind: RunKind;
  /** 0-based, per kind (REPRO_RUN_INDEX). */
  index: number;
  seed: number;
  data: MetricData;
  environment: EnvironmentFingerprint;
  checkpoints: CheckpointEntry[] | undefined;
}

export interface AuditMetric {
  name: string;
  /** Earliest step at which any same-seed run differs from run 0 (null: identical, or a final value). */
  firstDivergentStep: number | null;
  /** Largest |difference| between a same-seed run and run 0 over all steps. */
  maxAbsDiff: number | null;
  identical: boolean;
  /** σ distance of the most distant same-seed run from the seed band (null without seeds). */
  sigmas: number | null;
  scale: SigmaMetric['scale'] | null;
}

export interface AuditFindings {
  sameSeedRuns: number;
  seedRuns: number;
  bitIdentical: boolean;
  level: Level;
  expect: 'numerical' | 'statistical';
  reached: boolean;
  metrics: AuditMetric[];
  /** Final-checkpoint tensors that differ between same-seed runs (by per-tensor SHA-256). */
  tensors: { compared: boolean; differing: string[]; total: number };
  /** Every seed run bit-identical to run 0: the seed does not reach the training. */
  seedIgnored: boolean;
  causes: string[];
  warnings: string[];
  /** Leave-one-out over the seed band: how often the gate fails a run of the same code. */
  calibration: { runs: number; alarms: number; rate: number } | null;
}

export interface AnalyseOptions {
  expect: 'numerical' | 'statistical';
  /** Metrics left out (wall-clock fields). */
  ignore: readonly string[];
  gate: SigmaGateOptions;
  /** The `determinism-env` setting, and the variables the audit ran with, for the causes. */
  determinismEnv: boolean;
  env: NodeJS.ProcessEnv;
}

const EXACT = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, 'exact', {});

/** Throws TypeError when there is no same-seed run. */
export function analyseAudit(runs: readonly AuditRun[], options: AnalyseOptions): AuditFindings {
  const same = runs.filter((r) => r.kind === 'same-seed');
  const seeds = runs.filter((r) => r.kind === 'seed');
  const first = same[0];
  if (!first) throw new TypeError('analyseAudit needs at least one same-seed run');

  const metrics = new Map<string, AuditMetric>();
  for (const run of same.slice(1)) {
    for (const m of compareMetrics(first.data, run.data, { tolerances: EXACT, include: [], ignore: options.ignore })
      .metrics) {
      const entry = metrics.get(m.name) ?? {
        name: m.name,
        firstDivergentStep: null,
        maxAbsDiff: null,
        identical: true,
        sigmas: null,
        scale: null,
      };
      if (m.status !== 'pass') entry.identical = false;
      if (m.firstDivergentStep !== null)
        entry.firstDivergentStep = Math.min(entry.firstDivergentStep ?? Infinity, m.firstDivergentStep);
      if (m.maxAbsDiff !== null) entry.maxAbsDiff = Math.max(entry.maxAbsDiff ?? 0, m.maxAbsDiff);
      metrics.set(m.name, entry);
    }
  }
  const differing = new Set<string>();
  let tensorsCompared = false;
  let tensorTotal = 0;
  for (const run of same.slice(1)) {
    const weights = compareFinalCheckpoints(first.checkpoints, run.checkpoints);
    tensorsCompared ||= weights.compared;
    tensorTotal = Math.max(tensorTotal, weights.tensors);
    for (const name of weights.differing) differing.add(name);
  }
  const bitIdentical = [...metrics.values()].every((m) => m.identical) && differing.size === 0;

  // The seed band: run 0 and the other seeds, one run per seed.
  const band = seeds.length > 0 ? [first.data, ...seeds.map((r) => r.data)] : [];
  let statistical = false;
  if (band.length >= 2) {
    statistical = true;
    for (const run of same.slice(1)) {
      const verdict = sigmaGate(band, run.data, options.gate);
      if (verdict.status === 'drift') statistical = false;
      for (const g of verdict.metrics) {
        const entry = metrics.get(g.name);
        if (!entry || g.sigmas === null) continue;
        entry.sigmas = Math.max(entry.sigmas ?? 0, g.sigmas);
        entry.scale = g.scale;
      }
    }
  }
  const level: Level = bitIdentical ? 'numerical' : statistical ? 'statistical' : 'not reproducible';
  const reached = level === 'numerical' || (level === 'statistical' && options.expect === 'statistical');
  const seedIgnored =
    seeds.length > 0 &&
    seeds.every(
      (r) =>
        compareMetrics(first.data, r.data, { tolerances: EXACT, include: [], ignore: options.ignore }).status ===
        'pass',
    );
  const warnings: string[] = [];
  if (seedIgnored)
    warnings.push(
      `All ${seeds.length + 1} seeds gave bit-identical metrics: the seed does not reach the training (read REPRO_SEED in the command and seed every generator with it). The seed band is empty, and "numerical" says nothing about seeds.`,
    );
  if (seeds.length === 0 && !bitIdentical)
    warnings.push(
      'No seed band (seeds: 0): whether these differences are within seed noise cannot be told; run with --seeds 8.',
    );

  return {
    sameSeedRuns: same.length,
    seedRuns: seeds.length,
    bitIdentical,
    level,
    expect: options.expect,
    reached,
    metrics: [...metrics.values()].sort(
      (a, b) => Number(a.identical) - Number(b.identical) || a.name.localeCompare(b.name),
    ),
    tensors: { compared: tensorsCompared, differing: [...differing].sort(), total: tensorTotal },
    seedIgnored,
    causes: bitIdentical ? [] : likelyCauses(same, [...metrics.values()], options),
    warnings,
    calibration: band.length >= 3 && !seedIgnored ? leaveOneOut(band, options.gate) : null,
  };
}

/** Why same-seed runs may differ, from the settings, the fingerprints and where the curves part. */
function likelyCauses(same: readonly AuditRun[], metrics: AuditMetric[], options: AnalyseOptions): string[] {
  const causes: string[] = [];
  for (const run of same.slice(1)) {
    for (const d of diffEnvironments(same[0]!.environment, run.environment))
      causes.push(
        `The environment changed between same-seed runs 0 and ${run.index}: ${d.key} ${d.baseline} → ${d.current}.`,
      );
  }
  if (!options.determinismEnv)
    causes.push(
      'Determinism variables are off (`determinism-env: false`): CUBLAS_WORKSPACE_CONFIG, TF_DETERMINISTIC_OPS and TF_CUDNN_DETERMINISTIC are not set for the command.',
    );
  if (!options.determinismEnv && !options.env.CUBLAS_WORKSPACE_CONFIG && same[0]!.environment.gpu)
    causes.push('CUBLAS_WORKSPACE_CONFIG is unset on a GPU machine: cuBLAS may pick nondeterministic GEMM algorithms.');
  if (same[0]!.environment.gpu)
    causes.push(
      'GPU kernels: cuDNN autotuning (`torch.backends.cudnn.benchmark = True`) and float atomics (`index_add_`, `scatter_add_`) vary between runs; `torch.use_deterministic_algorithms(True)` refuses or replaces them.',
    );
  if (!options.env.OMP_NUM_THREADS && same[0]!.environment.cpu.cores > 1)
    causes.push(
      `OMP_NUM_THREADS is unset on ${same[0]!.environment.cpu.cores} cores: multi-threaded reductions (OpenMP, BLAS) may add in a different order each run; set OMP_NUM_THREADS=1 to test that.`,
    );
  const steps = metrics.map((m) => m.firstDivergentStep).filter((s): s is number => s !== null);
  const earliest = steps.length > 0 ? Math.min(...steps) : null;
  if (earliest !== null) {
    const firstLogged = Math.min(
      ...same.flatMap((r) => [...r.data.series.values()].map((s) => s.steps[0] ?? Infinity)),
    );
    causes.push(
      earliest <= firstLogged
        ? `The runs differ from the first logged step (${earliest}): something before training is not seeded (initial weights, data order, an unseeded shuffle or random source).`
        : `The runs part at step ${earliest}, not at the start: typically accumulated float differences from a reduction whose order varies (threads, atomics, autotuned kernels), or data loading order.`,
    );
  }
  return causes;
}
