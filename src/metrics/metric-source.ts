import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputFileError } from '../errors.ts';
import { looksLikeMlflowMetric, mlflowMetricName, parseMlflowMetric } from './mlflow.ts';
import { readMlflowFolder } from './mlflow-store.ts';
import { dvcliveMetricsFolder, readDvcliveFolder } from './dvclive.ts';
import type { FolderReadOptions } from './run-folders.ts';
import type { MetricData } from './series.ts';
import { REFUSED_FORMATS, SNIFF_BYTES, sniffFormat } from './sniff.ts';
import { findEventFiles, readTensorBoardEventFile, readTensorBoardLogDir } from './tensorboard/log-dir.ts';

/**
 * The one place where a metrics path is told apart by content before it is read as a text log:
 * - a folder: a TensorBoard log folder (any event file below it) or an MLflow run, its `metrics/`
 *   folder, or an experiment folder holding one qualifying run;
 * - a TensorBoard event file (its first TFRecord header checks);
 * - an MLflow metric file (`<timestamp> <value> <step>` lines);
 * - a binary format repro-check does not read: refused, naming the format and what to do.
 * Returns null for any other text file (JSONL, JSON, CSV, TSV): the caller's text readers take it.
 *
 * `notBefore` (check and baseline update) leaves out the files and runs in a folder that were
 * written before the training started: see run-folders.ts.
 *
 * Throws InputFileError for a refused format and a folder of no known layout; a path that cannot be
 * read returns null, so that the text reader reports it as it does for any file. Synchronous, as the
 * text readers are: a run's metric files are read one after the other anyway.
 */
export function readStructuredMetrics(target: string, options: FolderReadOptions): MetricData | null {
  let isDirectory: boolean;
  let head: Uint8Array;
  try {
    isDirectory = statSync(target).isDirectory();
    if (isDirectory) return readMetricFolder(target, options);
    head = readHead(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  }
  const format = sniffFormat(head);
  if (format === 'tensorboard') return readTensorBoardEventFile(target);
  if (format === 'text') {
    if (!looksLikeMlflowMetric(new TextDecoder().decode(head))) return null;
    return parseMlflowMetric(readFileSync(target, 'utf8'), target, mlflowMetricName(target));
  }
  const { what, todo } = REFUSED_FORMATS[format];
  throw new InputFileError(target, undefined, `is ${what}, not a metric log repro-check reads`, { hint: todo });
}

function readMetricFolder(dir: string, options: FolderReadOptions): MetricData {
  const eventFiles = findEventFiles(dir);
  if (eventFiles.length > 0) return readTensorBoardLogDir(dir, eventFiles, options);
  const dvclive = dvcliveMetricsFolder(dir);
  if (dvclive) return readDvcliveFolder(dvclive, options);
  const mlflow = readMlflowFolder(dir, options);
  if (mlflow) return mlflow;
  throw new InputFileError(
    dir,
    undefined,
    'is a folder holding no TensorBoard event file (events.out.tfevents.*), no MLflow run (a metrics/ folder of `<timestamp ms> <value> <step>` files) and no DVCLive output (plots/metrics/*.tsv)',
    {
      hint: 'Give a metric file (JSONL, JSON, CSV, TSV), a TensorBoard log folder, a DVCLive folder, or an MLflow run folder (mlruns/<experiment>/<run>) or its metrics/ folder. To read several files of a folder, give `metrics:` in repro.yml a glob (dir/*.csv); compare reads one file or folder for each side.',
    },
  );
}

function readHead(file: string): Uint8Array {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    return buffer.subarray(0, readSync(descriptor, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(descriptor);
  }
}
