import path from 'node:path';
import { ReproError } from '../errors.ts';
import { fingerprintCheckpoint } from '../checkpoints/fingerprint.ts';
import { lastCheckpoints, mergeCheckpoints } from '../checkpoints/merge.ts';
import { encodeNumber } from '../numbers.ts';
import { runProcess } from '../proc/run-process.ts';
import type { MergedCheckpointJson } from '../record/types.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import type { TrainingLaunch } from './training-guard.ts';
import { trainingFailure } from './training-failure.ts';

/**
 * Checkpoint averaging in the check (`checkpoints: {glob, average-last: K, eval-command}`):
 * after training, the last K checkpoints are averaged (SMA) into merged.safetensors, and the
 * eval command is run on it and on the final checkpoint. A merged checkpoint of a constant-LR
 * run is far less noisy than the final one (the issue measured 7.6x less seed-to-seed spread of
 * eval loss for K = 5), so a gate on its metric can be that much tighter.
 */

export type CheckpointsSetting = Exclude<NonNullable<ReproConfig['checkpoints']>, string>;

/** The final values the eval results become: `checkpoints.merged.<metric>` and `checkpoints.final.<metric>`. */
export const MERGED_PREFIX = 'checkpoints.merged.';
export const FINAL_PREFIX = 'checkpoints.final.';

export interface CheckpointEvaluation {
  merged: MergedCheckpointJson | null;
  /** Eval metrics under MERGED_PREFIX and FINAL_PREFIX, for the run's final values (compared and gated like any other). */
  finals: Map<string, number>;
}

/**
 * @param files every checkpoint file the glob matched after training.
 * @throws ReproError when fewer than K checkpoints were written, when the eval command fails,
 * or when its last line of output is not a JSON object of numbers.
 */
export async function averageAndEvaluate(
  setting: CheckpointsSetting,
  files: string[],
  run: EvalRun & { outDir: string },
): Promise<CheckpointEvaluation> {
  const finals = new Map<string, number>();
  const average = setting['average-last'];
  const evalCommand = setting['eval-command'];
  if (average === undefined && evalCommand === undefined) return { merged: null, finals };
  const ordered = await lastCheckpoints(files, undefined);
  const final = ordered.at(-1);
  if (!final)
    throw new ReproError(
      `checkpoints: the training wrote no file matching ${setting.glob}, so there is nothing to ${average === undefined ? 'evaluate' : 'average'}`,
      {
        hint: 'Check the glob (relative to working-directory; {out} is the run output folder) and that the training saves checkpoints.',
      },
    );

  let merged: MergedCheckpointJson | null = null;
  if (average !== undefined) {
    if (ordered.length < average) {
      throw new ReproError(
        `checkpoints.average-last is ${average}, but the training wrote ${ordered.length} checkpoint${ordered.length === 1 ? '' : 's'} matching ${setting.glob}`,
        { hint: 'Save checkpoints more often, or lower average-last.' },
      );
    }
    const inputs = ordered.slice(-average).map((c) => c.path);
    const out = path.join(run.outDir, 'merged.safetensors');
    const result = await run.context.log.group(`Averaging the last ${average} checkpoints`, () =>
      mergeCheckpoints({ inputs, method: 'sma', out }),
    );
    run.context.log.info(
      `Cosine between successive deltas: ${result.deltaCosines.map((c) => c.toFixed(3)).join(', ') || 'n/a'}`,
    );
    merged = {
      path: out,
      from: inputs,
      method: 'sma',
      tensors: (await fingerprintCheckpoint(out)).tensors,
      metrics: {},
      finalMetrics: {},
    };
  }
  if (evalCommand !== undefined) {
    const evaluate = (checkpoint: string) => runEval(evalCommand, checkpoint, run);
    const finalMetrics = await evaluate(final.path);
    for (const [name, value] of finalMetrics) finals.set(FINAL_PREFIX + name, value);
    if (merged) {
      const mergedMetrics = await evaluate(merged.path);
      for (const [name, value] of mergedMetrics) finals.set(MERGED_PREFIX + name, value);
      merged.metrics = Object.fromEntries([...mergedMetrics].map(([name, value]) => [name, encodeNumber(value)]));
      merged.finalMetrics = Object.fromEntries([...finalMetrics].map(([name, value]) => [name, encodeNumber(value)]));
    }
  }
  return { merged, finals };
}

/** What the eval command runs with; `guard` runs it as the training runs (src/modes/training-guard.ts). */
interface EvalRun {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMinutes: number;
  context: ModeContext;
  guard: <T>(name: string, body: (launch: TrainingLaunch) => Promise<T>) => Promise<T>;
}

async function runEval(command: string, checkpoint: string, run: EvalRun): Promise<Map<string, number>> {
  const shell = command.replaceAll('{checkpoint}', shellQuote(checkpoint));
  let lastStdout = '';
  // The eval command is code under test too: the same isolation, stop-commands and runner-file guard.
  const result = await run.guard(`Evaluating ${path.basename(checkpoint)}: ${shell}`, (launch) =>
    runProcess({
      shell,
      cwd: run.cwd,
      env: { ...run.env, ...launch.markerEnv },
      wrapper: launch.wrapper,
      timeoutMs: run.timeoutMinutes * 60_000,
      onOutputLine: (line, stream) => {
        run.context.trainingOutput.line(line);
        if (stream === 'stdout' && line.trim() !== '') lastStdout = line;
      },
      ...(run.context.signal ? { signal: run.context.signal } : {}),
    }),
  );
  if (result.exitCode !== 0 || result.timedOut || result.cancelled)
    throw trainingFailure('The eval command', shell, result, run.timeoutMinutes);
  return parseEvalOutput(lastStdout, shell);
}

/**
 * The eval command's result: its last non-empty stdout line, a JSON object whose numbers
 * (nested objects by dotted path) are the metrics, e.g. `{"loss": 0.41, "accuracy": 0.87}`.
 * @throws ReproError naming the command and showing the line when it is not that.
 */
export function parseEvalOutput(line: string, command: string): Map<string, number> {
  const fail = (why: string): never => {
    throw new ReproError(
      `the eval command's last line of output ${why}: ${command}\n  last line: ${line.slice(0, 300) || '(none)'}`,
      { hint: 'Print the metrics as one JSON object on the last line, e.g. print(json.dumps({"loss": loss})).' },
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    fail('is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('is not a JSON object');
  const metrics = new Map<string, number>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, entry] of Object.entries(node)) {
      if (typeof entry === 'number') metrics.set(prefix + key, entry);
      else if (typeof entry === 'object' && entry !== null && !Array.isArray(entry))
        walk(entry as Record<string, unknown>, `${prefix}${key}.`);
    }
  };
  walk(value as Record<string, unknown>, '');
  if (metrics.size === 0) fail('holds no numbers');
  return metrics;
}

/** POSIX single quotes: the path is one word whatever it contains. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
