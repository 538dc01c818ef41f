/**
 * Pure encode/decode of run records and baselines (DESIGN.md: `kind` + `schemaVersion`,
 * older versions read or migrated, newer refused; NaN/±Infinity/-0 as strings).
 */
import { z } from 'zod';
import type { MetricData, MetricSeries } from '../metrics/series.ts';
import { decodeNumber, encodeNumber, type EncodedNumber } from '../numbers.ts';
import { InputFileError } from '../errors.ts';
import {
  BASELINE_KIND,
  BASELINE_SCHEMA_VERSION,
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  type BaselineJson,
  type RunRecordJson,
} from './types.ts';

/**
 * The `metrics` block of a run record (pure): series and finals sorted by name, each value in
 * the encoding of src/numbers.ts (finite doubles as numbers; NaN, ±Infinity and -0 as strings).
 */
export function encodeMetricData(data: MetricData): RunRecordJson['metrics'] {
  const series: RunRecordJson['metrics']['series'] = {};
  for (const [name, s] of [...data.series].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    series[name] = { steps: Array.from(s.steps), values: Array.from(s.values, encodeNumber) };
  }
  const finals: Record<string, EncodedNumber> = {};
  for (const [name, value] of [...data.finals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    finals[name] = encodeNumber(value);
  return { series, finals, notes: [...data.notes] };
}

/**
 * The metric data of a validated record. WHERE names the file (or "file at base commit …") in the
 * InputFileError thrown for a series whose steps and values differ in length.
 */
export function decodeMetricData(json: RunRecordJson['metrics'], where: string): MetricData {
  const series = new Map<string, MetricSeries>();
  for (const [name, s] of Object.entries(json.series)) {
    if (s.steps.length !== s.values.length) {
      throw new InputFileError(
        where,
        undefined,
        `series "${name}": ${s.steps.length} steps but ${s.values.length} values`,
        {
          hint: 'Every series needs one value per step; recreate the file with repro-check (`baseline update` or `run -o`).',
        },
      );
    }
    series.set(name, {
      steps: s.steps,
      values: s.values.map((v, i) => decodeNumber(v, `${where}.series["${name}"].values[${i}]`)),
    });
  }
  const finals = new Map<string, number>();
  for (const [name, value] of Object.entries(json.finals))
    finals.set(name, decodeNumber(value, `${where}.finals["${name}"]`));
  return { series, finals, notes: json.notes };
}

const encodedNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]);
const metricsSchema = z.object({
  series: z.record(
    z.string(),
    z.object({ steps: z.array(z.number().int().nonnegative()), values: z.array(encodedNumber) }),
  ),
  finals: z.record(z.string(), encodedNumber),
  notes: z.array(z.string()).default([]),
});
// Records are validated where the compare depends on them and passed through loosely elsewhere,
// so that optional blocks later features add (checkpoints, merged, runner) are kept as written.
const runRecordSchema = z.looseObject({
  kind: z.literal(RUN_RECORD_KIND),
  schemaVersion: z.literal(RUN_RECORD_SCHEMA_VERSION),
  provenance: z.looseObject({ commit: z.string(), seed: z.number() }),
  environment: z.looseObject({}),
  metrics: metricsSchema,
});
const bandSchema = z.looseObject({
  members: z.array(z.looseObject({ source: z.string(), seed: z.number().nullable(), metrics: metricsSchema })).min(1),
  metrics: z.record(z.string(), z.looseObject({})),
});
const baselineSchema = z
  .looseObject({
    kind: z.literal(BASELINE_KIND),
    schemaVersion: z.literal(BASELINE_SCHEMA_VERSION),
    createdAt: z.string(),
    runs: z.array(runRecordSchema),
    band: z.looseObject({ seed: bandSchema.optional(), sameSeed: bandSchema.optional() }).optional(),
  })
  .refine((b) => b.runs.length > 0 || b.band?.seed !== undefined, {
    path: ['runs'],
    message: 'a baseline needs at least one run, or a seed band',
  });

export type RecordDocument =
  { kind: 'run-record'; record: RunRecordJson } | { kind: 'baseline'; baseline: BaselineJson };

/** True when a parsed JSON value claims to be one of our records (by content, not file name). */
export function isReproDocument(value: unknown): value is { kind: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    (value as { kind: string }).kind.startsWith('repro-check/')
  );
}

/** Validates a parsed run record or baseline; refuses newer schema versions with a clear message. */
export function decodeRecordDocument(value: { kind: string }, file: string): RecordDocument {
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  const supported =
    value.kind === RUN_RECORD_KIND
      ? RUN_RECORD_SCHEMA_VERSION
      : value.kind === BASELINE_KIND
        ? BASELINE_SCHEMA_VERSION
        : null;
  if (supported === null) {
    throw new InputFileError(
      file,
      undefined,
      `unknown kind "${value.kind}"; accepted: "${RUN_RECORD_KIND}", "${BASELINE_KIND}"`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InputFileError(
      file,
      undefined,
      `"schemaVersion" must be a positive integer, got ${JSON.stringify(version)}`,
    );
  }
  if (version > supported) {
    throw new InputFileError(
      file,
      undefined,
      `${value.kind} schemaVersion ${version} is newer than this repro-check understands (up to ${supported})`,
      {
        hint: 'Upgrade repro-check to the version that wrote this file; it is left untouched.',
      },
    );
  }
  const schema = value.kind === RUN_RECORD_KIND ? runRecordSchema : baselineSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new InputFileError(file, undefined, `not a valid ${value.kind} v${version}: ${problems.join('; ')}`);
  }
  return value.kind === RUN_RECORD_KIND
    ? { kind: 'run-record', record: parsed.data as unknown as RunRecordJson }
    : { kind: 'baseline', baseline: parsed.data as unknown as BaselineJson };
}

/**
 * The metrics a plain compare uses from a baseline: its first run's, or (a band built from
 * metric files has no run record) the first band member's.
 */
export function baselineMetrics(baseline: BaselineJson): RunRecordJson['metrics'] {
  return baseline.runs[0]?.metrics ?? baseline.band!.seed!.members[0]!.metrics;
}

/** Serialises with a trailing newline and stable two-space indentation (diffs stay readable in PRs). */
export function serializeDocument(value: RunRecordJson | BaselineJson): string {
  return JSON.stringify(value, null, 2) + '\n';
}
