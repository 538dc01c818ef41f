import path from 'node:path';
import type { LoadedSettings } from '../settings/load.ts';
import { trainingPlanOf } from '../settings/plans.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, type TreeGateOptions } from './repo-state.ts';
import { trainAndRecord, type TrainedRun } from './train.ts';
import { serializeDocument } from '../record/codec.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';

/** `run`: gate the tree, train once and write the run record, without comparing (matrix jobs upload it). */
export async function recordOnly(
  settings: LoadedSettings,
  context: ModeContext,
  gate: TreeGateOptions = {},
): Promise<{ recordPath: string; trained: TrainedRun }> {
  const repo = await prepareRepo(settings.config, context, gate);
  const trained = await trainAndRecord(trainingPlanOf(settings.config), repo, context);
  const recordPath = path.join(trained.outDir, 'run-record.json');
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
