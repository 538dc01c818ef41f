import { open, readFile, stat } from 'node:fs/promises';
import { InputFileError } from '../errors.ts';
import { looksLikeMlflowMetric, mlflowMetricName, parseMlflowMetric } from './mlflow.ts';
import { readMlflowFolder } from './mlflow-store.ts';
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
 * read returns null, so that the text reader reports it as it does for any file.
 */
export async function readStructuredMetrics(target: string, options: FolderReadOptions): Promise<MetricData | null> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(target)).isDirectory();
  } catch {
    return null;
  }
  if (isDirectory) return readMetricFolder(target, options);
  const head = await readHead(target).catch(() => null);
  if (head === null) return null;
  const format = sniffFormat(head);
  if (format === 'tensorboard') return readTensorBoardEventFile(target);
  if (format === 'text') {
    if (!looksLikeMlflowMetric(new TextDecoder().decode(head))) return null;
    return parseMlflowMetric(await readFile(target, 'utf8'), target, mlflowMetricName(target));
  }
  const { what, todo } = REFUSED_FORMATS[format];
  throw new InputFileError(target, undefined, `is ${what}, not a metric log repro-check reads`, { hint: todo });
}

async function readMetricFolder(dir: string, options: FolderReadOptions): Promise<MetricData> {
  const eventFiles = await findEventFiles(dir);
  if (eventFiles.length > 0) return readTensorBoardLogDir(dir, eventFiles, options);
  const mlflow = await readMlflowFolder(dir, options);
  if (mlflow) return mlflow;
  throw new InputFileError(dir, undefined, 'is a folder holding no TensorBoard event file (events.out.tfevents.*) and no MLflow run (a folder with metrics/)', {
    hint: 'Give a metric file (JSONL, JSON, CSV, TSV), a TensorBoard log folder, or an MLflow run folder (mlruns/<experiment>/<run>) or its metrics/ folder; a glob such as dir/*.csv reads several files.',
  });
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
