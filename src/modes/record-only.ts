import path from 'node:path';
import type { LoadedSettings } from '../settings/load.ts';
import { trainingPlanOf } from '../settings/plans.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, type TreeGateOptions } from './repo-state.ts';
import { trainAndRecord, type TrainedRun } from './train.ts';
import { serializeDocument } from '../record/codec.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { RUN_RECORD_FILE } from '../record/types.ts';

/**
 * `run`: gate the tree, train once (the settings' training plan) and write the run record,
 * without comparing (matrix jobs upload it). Returns the record's path (run-record.json in the
 * run's output folder) and the trained run; throws what prepareRepo and trainAndRecord throw.
 */
export async function recordOnly(
  settings: LoadedSettings,
  context: ModeContext,
  gate: TreeGateOptions = {},
): Promise<{ recordPath: string; trained: TrainedRun }> {
  const repo = await prepareRepo(settings.config, context, gate);
  const trained = await trainAndRecord(trainingPlanOf(settings.config), repo, context);
  const recordPath = path.join(trained.outDir, RUN_RECORD_FILE);
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
