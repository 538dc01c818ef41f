import { InputFileError } from '../errors.ts';
import { readComparableDocument } from '../record/baseline-store.ts';
import { encodeBand, type BandMember } from '../record/band.ts';
import { BASELINE_KIND, BASELINE_SCHEMA_VERSION, type BaselineJson, type RunRecordJson } from '../record/types.ts';
import { analyseAudit, type AuditRun } from '../audit/analyse.ts';
import { ReproError } from '../errors.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { AuditReportInput } from '../report/audit.ts';
import { describeSigmaGate } from '../stats/sigma-gate.ts';
import { auditOptionsOf } from './audit.ts';

/** One input of `band` / `aggregate`: a run record (with its seed and environment) or a metric file. */
export interface AggregateInput {
  file: string;
  record: RunRecordJson | null;
  member: BandMember;
}

/**
 * Reads run records and metric files, told apart by content, through the baseline store
 * (readComparableDocument: the one place a run record is decoded).
 * @throws InputFileError naming the file: unreadable, malformed, a baseline, or a bad metric file.
 */
export async function readAggregateInputs(files: readonly string[]): Promise<AggregateInput[]> {
  return Promise.all(
    files.map(async (file) => {
      const { data, document } = readComparableDocument(file);
      if (document?.kind === 'baseline')
        throw new InputFileError(file, undefined, 'is a baseline; give run records or metric files (one per run)');
      const record = document?.record ?? null;
      return { file, record, member: { source: file, seed: record?.provenance.seed ?? null, data } };
    }),
  );
}

/**
 * How inputs split into runs (pure): run records with the first record's seed are same-seed
 * repeats; one record per other seed joins the seed band (a second record of that seed adds no
 * seed noise and is left out of it). Metric files carry no seed: each is taken as another seed.
 */
export function splitRuns(inputs: readonly AggregateInput[]): { same: AggregateInput[]; seeds: AggregateInput[] } {
  const baseSeed = inputs.find((i) => i.record)?.record!.provenance.seed ?? null;
  const same = baseSeed === null ? inputs.slice(0, 1) : inputs.filter((i) => i.record && i.member.seed === baseSeed);
  const seen = new Set<number>(baseSeed === null ? [] : [baseSeed]);
  const seeds = inputs.filter((i) => {
    if (same.includes(i)) return false;
    if (i.member.seed === null) return true;
    if (seen.has(i.member.seed)) return false;
    seen.add(i.member.seed);
    return true;
  });
  return { same, seeds };
}

/** The statistical baseline over the inputs: the first run record (if any) as its run, and both bands. */
export function bandBaseline(
  inputs: readonly AggregateInput[],
  ignore: readonly string[],
  createdAt: string,
  level?: BaselineJson['level'],
): BaselineJson {
  const { same, seeds } = splitRuns(inputs);
  return {
    kind: BASELINE_KIND,
    schemaVersion: BASELINE_SCHEMA_VERSION,
    createdAt,
    runs: same[0]?.record ? [same[0].record] : [],
    band: {
      seed: encodeBand(
        [same[0]!, ...seeds].map((i) => i.member),
        ignore,
      ),
      ...(same.length >= 2
        ? {
            sameSeed: encodeBand(
              same.map((i) => i.member),
              ignore,
            ),
          }
        : {}),
    },
    ...(level ? { level } : {}),
  };
}

/** The inputs as audit runs (run records only: the audit needs each run's environment). */
export function auditRunsOf(inputs: readonly AggregateInput[]): AuditRun[] {
  const { same, seeds } = splitRuns(inputs);
  const run = (i: AggregateInput, kind: AuditRun['kind'], index: number): AuditRun => ({
    kind,
    index,
    seed: i.member.seed!,
    data: i.member.data,
    environment: i.record!.environment,
    checkpoints: i.record!.checkpoints,
  });
  return [...same.map((i, index) => run(i, 'same-seed', index)), ...seeds.map((i, index) => run(i, 'seed', index))];
}

/**
 * `aggregate` (CLI and `mode: aggregate`): run records of one commit made by a job matrix become
 * a statistical baseline (bands and the level reached) and the audit's report on them. Throws
 * InputFileError for a metric file (the audit needs each run's environment) and ReproError for
 * records of several commits.
 */
export function runAggregate(
  inputs: readonly AggregateInput[],
  config: ReproConfig,
  env: NodeJS.ProcessEnv,
  createdAt: string,
): { baseline: BaselineJson; report: AuditReportInput } {
  const metricFile = inputs.find((i) => !i.record);
  if (metricFile)
    throw new InputFileError(
      metricFile.file,
      undefined,
      'is not a run record; aggregate needs run records (`repro-check run -o RECORD.json`, or the run-record.json of each matrix job)',
      { hint: 'For metric files use `repro-check band`.' },
    );
  const commits = [...new Set(inputs.map((i) => i.record!.provenance.commit))];
  if (commits.length > 1)
    throw new ReproError(
      `aggregate: the run records come from ${commits.length} commits (${commits.map((c) => c.slice(0, 12)).join(', ')}); a band and an audit need runs of one commit`,
    );
  const runs = auditRunsOf(inputs);
  const options = auditOptionsOf(config, env);
  const findings = analyseAudit(runs, options);
  const baseline = bandBaseline(
    inputs,
    options.ignore,
    createdAt,
    findings.level === 'not reproducible' ? undefined : findings.level,
  );
  const report: AuditReportInput = {
    findings,
    commit: commits[0]!,
    seed: runs[0]!.seed,
    otherSeeds: runs.filter((r) => r.kind === 'seed').map((r) => r.seed),
    gateLine: describeSigmaGate(options.gate, findings.seedRuns + 1),
    wallMs: 0,
    trainingMs: 0,
    environmentLines: [],
  };
  return { baseline, report };
}
