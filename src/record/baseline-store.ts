/**
 * The one baseline store: where a baseline is read from (the working tree, or a file at a
 * commit: a pull request's base), how it is decoded and migrated (a run record given as a
 * baseline becomes a one-run baseline; older schemas through the codec), and the refusal of one
 * written by a newer repro-check. Every failure is an InputFileError naming the file (with the
 * commit it was read at). Writing goes through `writeFileAtomic` (src/fs/atomic-write.ts).
 * `compare`, `band` and `aggregate` read their inputs here too (readComparableDocument): a run
 * record or baseline among them is decoded by the same code as a check's baseline.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../errors.ts';
import type { MetricData } from '../metrics/series.ts';
import { withReadErrors } from '../metrics/collect.ts';
import { readStructuredMetrics } from '../metrics/metric-source.ts';
import { fileLineSource } from '../metrics/line-source.ts';
import { detectTextLayout, parseMetricSource, type ParseOptions } from '../metrics/parse.ts';
import {
  baselineMetrics,
  decodeMetricData,
  decodeRecordDocument,
  isReproDocument,
  type RecordDocument,
} from './codec.ts';
import { BASELINE_KIND, BASELINE_SCHEMA_VERSION, type BaselineJson, type RunRecordJson } from './types.ts';

/** A baseline read for a check: its first run is the reference; `label` names the file (and commit). */
export interface LoadedBaseline {
  baseline: BaselineJson;
  run: RunRecordJson;
  data: MetricData;
  label: string;
}

/** Where a baseline lives: reads its text, or null when there is none. */
export interface BaselineSource {
  /** "path" in the working tree, or "path at base commit abc123def456". */
  label: string;
  read(): Promise<string | null>;
}

/** A baseline file in the working tree. Throws InputFileError when it exists but cannot be read. */
export function workingTreeBaseline(file: string, label: string): BaselineSource {
  return {
    label,
    read: () =>
      readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw new InputFileError(label, undefined, `cannot read the baseline (${error.code ?? error.message})`, {
          cause: error,
        });
      }),
  };
}

/**
 * Reads and decodes the baseline a check compares with, or returns null when there is none.
 * @throws InputFileError naming the file: not JSON, not a repro-check document, a newer schema,
 *   a malformed series, a band without a run record, a run recorded on an unclean tree.
 */
export async function loadBaselineForCheck(source: BaselineSource): Promise<LoadedBaseline | null> {
  const text = await source.read();
  return text === null ? null : decodeBaselineForCheck(text, source.label);
}

/** The pure half of loadBaselineForCheck: text in, baseline out. Throws as it does. */
export function decodeBaselineForCheck(text: string, label: string): LoadedBaseline {
  const hint = 'Recreate it with `repro-check baseline update`.';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(label, undefined, `the baseline is not valid JSON (${(error as Error).message})`, {
      hint,
    });
  }
  if (!isReproDocument(value)) {
    throw new InputFileError(label, undefined, `not a repro-check baseline (no "kind": "${BASELINE_KIND}")`, { hint });
  }
  const document = decodeRecordDocument(value, label);
  // A run record committed as the baseline (`run -o`) is a baseline of that one run.
  const baseline: BaselineJson =
    document.kind === 'baseline'
      ? document.baseline
      : {
          kind: BASELINE_KIND,
          schemaVersion: BASELINE_SCHEMA_VERSION,
          createdAt: document.record.provenance.createdAt,
          runs: [document.record],
        };
  const run = baseline.runs[0];
  if (!run) {
    throw new InputFileError(
      label,
      undefined,
      'this baseline holds a band but no run record (it was built by `repro-check band` from metric files)',
      {
        hint: 'A check needs a baseline made by `repro-check baseline update` (with --seeds M for a band), or a band built from run records; `repro-check compare` takes this one.',
      },
    );
  }
  if (run.provenance.dirty) {
    throw new InputFileError(
      label,
      undefined,
      'this baseline was recorded on an unclean tree (--allow-dirty), so it cannot gate',
      {
        hint: 'Re-record it on a clean checkout with `repro-check baseline update`.',
      },
    );
  }
  return { baseline, run, data: decodeMetricData(run.metrics, label), label };
}

/**
 * Refuses to overwrite a baseline written by a newer repro-check (`baseline update`, before the
 * training). A missing, unreadable or broken file is no reason to refuse: an update replaces it.
 * @throws InputFileError naming the file and both schema versions.
 */
export async function refuseNewerBaseline(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const version = isReproDocument(value) ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > BASELINE_SCHEMA_VERSION) {
    throw new InputFileError(
      file,
      undefined,
      `was written by a newer repro-check (schemaVersion ${version}; this one writes ${BASELINE_SCHEMA_VERSION}) and is left as it is`,
      { hint: 'Update the baseline with the repro-check version that wrote it, or upgrade this one.' },
    );
  }
}

/** What `compare`, `band` and `aggregate` read from one path: its metrics, and the run record or baseline it holds (null for a metric file or log folder). */
export interface ComparableRead {
  data: MetricData;
  document: RecordDocument | null;
}

/**
 * Reads anything `compare` accepts, told apart by content: a run record or baseline (`kind` +
 * `schemaVersion`; decoded, migrated or refused here), a metric file (read as parseMetricSource
 * reads it: a stream of lines), or a log folder or binary format (src/metrics/metric-source.ts).
 * A baseline's metrics are its first run's, or its first band member's when it holds a band of
 * metric files only (the σ gate reads the band from `document`: src/record/band.ts).
 * `options.stepKey` is the `step-key` for a metric file.
 * @throws InputFileError naming FILE: unreadable, not a metric file, a run record or baseline
 *   that is malformed or from a newer repro-check, or any error of the metric parsers.
 */
export function readComparableDocument(file: string, options: ParseOptions = {}): ComparableRead {
  return withReadErrors(file, 'cannot read', () => {
    const structured = readStructuredMetrics(file, { notBefore: null, baseDir: path.dirname(file) });
    if (structured) return { data: structured, document: null };
    const source = fileLineSource(file);
    if (detectTextLayout(source).kind === 'json-document') {
      let value: unknown;
      try {
        value = JSON.parse(source.wholeText());
      } catch {
        value = undefined; // JSON with Python tokens: the metric parser reads it or reports where it breaks.
      }
      if (isReproDocument(value)) {
        const document = decodeRecordDocument(value, file);
        const metrics = document.kind === 'run-record' ? document.record.metrics : baselineMetrics(document.baseline);
        return { data: decodeMetricData(metrics, file), document };
      }
    }
    return { data: parseMetricSource(source, options), document: null };
  });
}

/** The metrics of readComparableDocument, for callers that do not need the document. Throws as it does. */
export function readComparable(file: string, options: ParseOptions = {}): MetricData {
  return readComparableDocument(file, options).data;
}
