import path from 'node:path';
import { ReproError } from '../../errors.ts';
import { describeFilesWrittenSince, listFiles, withModificationTimes } from '../glob-files.ts';
import { addPrefix } from '../parse.ts';
import {
  describeDatedFiles,
  isVersionedRunFolder,
  splitByRunStart,
  distinctRuns,
  type DatedFile,
  type FolderReadOptions,
} from '../run-folders.ts';
import { emptyMetricData, type MetricData, type MetricSeries } from '../series.ts';
import { readEventFiles } from './event-file.ts';

/** TensorBoard's own test for an event file (tensorboard/backend/event_processing/io_wrapper.py: IsTensorFlowEventsFile). */
export function isEventFileName(name: string): boolean {
  return path.basename(name).includes('tfevents');
}

/** The event files below `dir`, relative to it; empty when there are none. */
export function findEventFiles(dir: string): string[] {
  return listFiles(dir, '', isEventFileName);
}

/** One event file given as the metrics path. */
export function readTensorBoardEventFile(file: string): MetricData {
  return readEventFiles([file]);
}

/**
 * Reads a TensorBoard log folder the way TensorBoard shows it: every folder holding event files is a
 * run, and its path below `dir` (segments joined with `.`) prefixes its tags: Keras's `logs/train` and
 * `logs/validation` give `train.epoch_loss` and `validation.epoch_loss`; event files directly in `dir`
 * keep their tags as they are. The event files of one run are read in the order they were written
 * (the timestamp TensorBoard puts in their names) and merged by step, the later file winning.
 *
 * Versioned run folders (`version_N`, SummaryWriter's `<date>_<host>`) are runs of one logger at
 * different times, not parts of one run: with `notBefore` (check, baseline update) the event files
 * written before it are left out with a note; their folder names never enter metric names. Several
 * versions left to read is refused (exit 2) naming them: merging them would mix runs.
 *
 * Throws ReproError when no event file was written during this run (naming those found), or when
 * several versions remain; InputFileError for an event file that cannot be read or is corrupt.
 */
export function readTensorBoardLogDir(dir: string, eventFiles: string[], options: FolderReadOptions): MetricData {
  const dated = withModificationTimes(dir, eventFiles);
  const { fresh, stale } = splitByRunStart(dated, options.notBefore);
  if (fresh.length === 0) {
    throw new ReproError(
      `metrics: no TensorBoard event file in ${dir} was written during this run (started ${options.notBefore!.toISOString()}); found only older ones: ${describeDatedFiles(stale)}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      {
        hint: 'The training wrote its TensorBoard logs somewhere else, or none: point `metrics` at the folder it logs to (or at {out}, the per-run REPRO_OUT_DIR). Older files were not read.',
      },
    );
  }
  const versions = distinctRuns(fresh.map((f) => f.path));
  if (versions.length > 1) {
    throw new ReproError(
      `metrics: ${dir} holds ${versions.length} runs of one logger (${versions.join(', ')}); reading them together would mix runs`,
      {
        hint: `Point at one of them (e.g. ${path.join(dir, versions.at(-1)!)})${options.notBefore ? '' : ', or run it under `check`, which reads only the files written during its run'}.`,
      },
    );
  }
  const data = emptyMetricData();
  if (stale.length > 0)
    data.notes.push(
      `${dir}: ${stale.length} event file${stale.length === 1 ? '' : 's'} from earlier runs left out: ${describeDatedFiles(stale)}`,
    );
  for (const [runFolder, files] of groupByFolder(fresh)) {
    const ordered = files.sort(byWriteOrder);
    const run = readEventFiles(ordered.map((f) => path.join(dir, f.path)));
    const prefix = runFolder
      .split('/')
      .filter((segment) => segment !== '.' && !isVersionedRunFolder(segment))
      .join('.');
    mergeRun(data, prefix ? addPrefix(run, prefix) : run, path.join(dir, runFolder));
  }
  data.stepAxes!.push({ file: dir, stepKey: 'step' }); // every Event carries its own step
  return data;
}

function groupByFolder(files: DatedFile[]): Map<string, DatedFile[]> {
  const groups = new Map<string, DatedFile[]>();
  for (const file of files) {
    const folder = path.posix.dirname(file.path);
    groups.set(folder, [...(groups.get(folder) ?? []), file]);
  }
  return groups;
}

/** `events.out.tfevents.<seconds>.<host>[.<pid>.<n>]`: the seconds tell the order; the name breaks ties. */
function byWriteOrder(a: DatedFile, b: DatedFile): number {
  const seconds = (f: DatedFile) => Number(/tfevents\.(\d+(?:\.\d+)?)/.exec(path.basename(f.path))?.[1] ?? 0);
  return seconds(a) - seconds(b) || a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path);
}

function mergeRun(target: MetricData, run: MetricData, runFolder: string): void {
  for (const [name, series] of run.series) {
    if (target.series.has(name)) {
      const fileOf = (s: MetricSeries) =>
        (s.origin && s.origin.locator.place?.(s.origin.records[0]!).file) ?? s.origin?.locator.file ?? runFolder;
      throw new ReproError(
        `metrics: the tag "${name}" comes from two runs, in ${fileOf(target.series.get(name)!)} and in ${fileOf(series)}; one metric name cannot hold both`,
        {
          hint: `Rename one of the two tags (a run subfolder prefixes its tags: "loss" in train/ is "train.loss"), or point \`metrics\` at one run folder (e.g. ${runFolder}).`,
        },
      );
    }
    target.series.set(name, series);
  }
  for (const [name, value] of run.finals) target.finals.set(name, value);
  target.notes.push(...run.notes);
}
