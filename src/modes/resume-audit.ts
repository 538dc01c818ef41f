import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { EXIT_DRIFT, EXIT_PASS, ReproError } from '../errors.ts';
import type { LoadedSettings } from '../settings/load.ts';
import { trainingPlanOf, type TrainingPlan } from '../settings/plans.ts';
import { compareMetrics } from '../compare/compare.ts';
import { TolerancePicker } from '../compare/tolerance.ts';
import type { Verdict } from '../compare/types.ts';
import type { MetricData } from '../metrics/series.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo } from './repo-state.ts';
import { RESUME_FROM_VARIABLE, STATE_DIR_VARIABLE, STOP_AT_STEP_VARIABLE } from '../proc/resume-protocol.ts';
import { createRunOutputDir, trainAndRecord } from './train.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { isDriftedMetric } from '../compare/outcome.ts';

/**
 * The exact-resume audit (`repro-check audit --resume-at N`): a checkpoint that holds the
 * model, optimizer, scheduler, step and every RNG state lets a run resume exactly, so a run
 * stopped after step N and resumed must log the same bits from step N+1 on as one that never
 * stopped (Megatron-LM's CI tests resumed runs against uninterrupted ones the same way).
 *
 * The protocol the training command implements (examples/pytorch-smoke/train.py shows it):
 * - REPRO_STOP_AT_STEP=N and REPRO_STATE_DIR=<empty folder>: train through step N, save the
 *   full state into the folder, exit 0;
 * - REPRO_RESUME_FROM=<that folder>: load it and continue from step N+1, logging as usual.
 */

export interface ResumeAnalysis {
  status: 'pass' | 'drift';
  resumeAt: number;
  /** First step (> N) where the resumed leg's metrics differ at all from the uninterrupted run's. */
  firstDivergentStep: number | null;
  /** Metrics that differ, by name. */
  divergentMetrics: string[];
  /** What the divergence points at, or null on a pass. */
  likelyMissingState: string | null;
  /** Resumed leg (steps > N and final values) against the uninterrupted run, bit for bit. */
  resumed: Verdict;
  /** First leg (steps <= N) against the uninterrupted run: must agree, or the run is not deterministic at all. */
  firstLeg: Verdict;
}

const EXACT = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, '--resume-at (bit for bit)', {});

/**
 * Compares the two legs with the uninterrupted run (pure). Checks the protocol first.
 * @throws ReproError when a leg did not follow the protocol (the first leg logged past N, the
 * second leg logged nothing after N), naming the variable the script must read.
 */
export function analyzeResume(
  uninterrupted: MetricData,
  firstLeg: MetricData,
  resumedLeg: MetricData,
  resumeAt: number,
  ignore: string[],
): ResumeAnalysis {
  const lastStep = Math.max(
    -Infinity,
    ...[...uninterrupted.series.values()].map((s) => (s.steps.length > 0 ? s.steps[s.steps.length - 1]! : -Infinity)),
  );
  if (!(lastStep > resumeAt))
    throw new ReproError(
      `--resume-at ${resumeAt}: the uninterrupted run logs no step after ${resumeAt} (its last is ${Number.isFinite(lastStep) ? lastStep : 'none'}); choose a step before its end`,
    );
  assertStoppedAt(firstLeg, resumeAt);
  const tail = stepsAfter(resumedLeg, resumeAt);
  if (tail.series.size === 0) {
    throw new ReproError(`the resumed leg (${RESUME_FROM_VARIABLE} set) logged no step after ${resumeAt}`, {
      hint: `Make the training load the state in ${RESUME_FROM_VARIABLE} and continue from step ${resumeAt + 1}, logging to its metric file as usual; see examples/pytorch-smoke/train.py.`,
    });
  }
  const options = { tolerances: EXACT, include: [], ignore };
  const resumed = compareMetrics(stepsAfter(uninterrupted, resumeAt), tail, options);
  const head = stepsUpTo(uninterrupted, resumeAt);
  const firstLegVerdict = compareMetrics(
    { ...head, finals: new Map() },
    { ...stepsUpTo(firstLeg, resumeAt), finals: new Map() },
    options,
  );
  const divergent = resumed.metrics.filter(isDriftedMetric);
  const steps = divergent.map((m) => m.firstDivergentStep).filter((s): s is number => s !== null);
  const firstDivergentStep = steps.length > 0 ? Math.min(...steps) : null;
  const status = divergent.length > 0 || firstLegVerdict.status === 'drift' ? 'drift' : 'pass';
  return {
    status,
    resumeAt,
    firstDivergentStep,
    divergentMetrics: divergent.map((m) => m.name),
    likelyMissingState: status === 'pass' ? null : diagnose(firstLegVerdict, firstDivergentStep, resumeAt),
    resumed,
    firstLeg: firstLegVerdict,
  };
}

/**
 * The first leg must log nothing past N: a command that ignores REPRO_STOP_AT_STEP trains to
 * the end, and comparing its "resume" would test nothing.
 * @throws ReproError naming the step it logged and what to implement.
 */
export function assertStoppedAt(firstLeg: MetricData, resumeAt: number): void {
  const pastStop = Math.max(
    -Infinity,
    ...[...firstLeg.series.values()].map((s) => (s.steps.length > 0 ? s.steps[s.steps.length - 1]! : -Infinity)),
  );
  if (pastStop > resumeAt) {
    throw new ReproError(
      `the first leg logged step ${pastStop}, past ${STOP_AT_STEP_VARIABLE}=${resumeAt}: the training command does not implement the resume protocol`,
      {
        hint: `Make it stop after step ${STOP_AT_STEP_VARIABLE}, save its full state (model, optimizer, scheduler, step, RNG states) into ${STATE_DIR_VARIABLE} and exit 0; see examples/pytorch-smoke/train.py.`,
      },
    );
  }
}

function diagnose(firstLeg: Verdict, firstDivergentStep: number | null, resumeAt: number): string {
  if (firstLeg.status === 'drift') {
    return `the first leg already differs from the uninterrupted run at or before step ${resumeAt}: the training is not deterministic even without resuming (run \`repro-check audit\` with same-seed runs first), or it reads ${STOP_AT_STEP_VARIABLE} in a way that changes training`;
  }
  if (firstDivergentStep === null)
    return 'only final values differ: state used after the last step (the final evaluation) was not restored';
  // A loss logged at step N+1 comes from the forward pass before that step's update: a missing
  // RNG state (dropout) shows there, a missing optimizer or scheduler state one step later.
  if (firstDivergentStep <= resumeAt + 2) {
    return `the first steps after the resume differ (from step ${firstDivergentStep}): state restored at resume is incomplete — optimizer state (moments, step counts), learning-rate scheduler, or an RNG state (torch CPU/CUDA, numpy, Python random, the data loader's generator) not saved or not restored`;
  }
  return `steps ${resumeAt + 1}–${firstDivergentStep - 1} match, ${firstDivergentStep} differs: state that is used only from time to time was not restored — the sampler's generator at the next epoch's shuffle, an evaluation or dropout RNG, or a counter (epoch, scheduler step) saved but not read back`;
}

function stepsAfter(data: MetricData, step: number): MetricData {
  return filterSteps(data, (s) => s > step, true);
}

function stepsUpTo(data: MetricData, step: number): MetricData {
  return filterSteps(data, (s) => s <= step, false);
}

function filterSteps(data: MetricData, keep: (step: number) => boolean, keepFinals: boolean): MetricData {
  const series = new Map<string, { steps: number[]; values: number[] }>();
  for (const [name, { steps, values }] of data.series) {
    const indices = Array.from(steps).flatMap((s, i) => (keep(s) ? [i] : []));
    if (indices.length > 0)
      series.set(name, { steps: indices.map((i) => steps[i]!), values: indices.map((i) => values[i]!) });
  }
  return { series, finals: keepFinals ? data.finals : new Map(), notes: data.notes };
}

export interface ResumeAuditResult {
  analysis: ResumeAnalysis;
  exitCode: number;
}

/**
 * The mode: gate the tree, train uninterrupted, then the two legs, then analyzeResume.
 * @throws ReproError for an unclean tree, a failed training or a leg that ignores the protocol.
 */
export async function runResumeAudit(
  options: { settings: LoadedSettings; resumeAt: number },
  context: ModeContext,
): Promise<ResumeAuditResult> {
  // The legs compare metric curves only: checkpoint averaging (a first leg may hold fewer than
  // K checkpoints) and its eval are left out; checkpoints are still fingerprinted.
  const planned = trainingPlanOf(options.settings.config);
  const plan: TrainingPlan = planned.checkpoints
    ? { ...planned, checkpoints: { ...planned.checkpoints, averageLast: undefined, evalCommand: undefined } }
    : planned;
  if (!Number.isSafeInteger(options.resumeAt) || options.resumeAt < 1)
    throw new ReproError(`--resume-at ${options.resumeAt}: expected a step number, 1 or more`);
  const repo = await prepareRepo(options.settings.config, context);
  const environment = await collectRunEnvironment(plan, repo, context);
  const withVariables = (variables: Record<string, string>): ModeContext => ({
    ...context,
    env: { ...context.env, ...variables },
  });

  context.log.info('Resume audit: 1 of 3, the uninterrupted run');
  const uninterrupted = await trainAndRecord(plan, repo, context, environment);
  const stateDir = path.join(await createRunOutputDir(context.env), 'state');
  await mkdir(stateDir, { recursive: true });
  context.log.info(
    `Resume audit: 2 of 3, the first leg (${STOP_AT_STEP_VARIABLE}=${options.resumeAt}, ${STATE_DIR_VARIABLE}=${stateDir})`,
  );
  const firstLeg = await trainAndRecord(
    plan,
    repo,
    withVariables({ [STOP_AT_STEP_VARIABLE]: String(options.resumeAt), [STATE_DIR_VARIABLE]: stateDir }),
    environment,
  ).catch(rethrowWithProtocolHint);
  assertStoppedAt(firstLeg.data, options.resumeAt);
  if ((await readdir(stateDir)).length === 0) {
    throw new ReproError(`the first leg saved nothing into ${STATE_DIR_VARIABLE} (${stateDir})`, {
      hint: `Save the full training state there after step ${STOP_AT_STEP_VARIABLE}; see examples/pytorch-smoke/train.py.`,
    });
  }
  context.log.info(`Resume audit: 3 of 3, the resumed leg (${RESUME_FROM_VARIABLE}=${stateDir})`);
  const resumedLeg = await trainAndRecord(
    plan,
    repo,
    withVariables({ [RESUME_FROM_VARIABLE]: stateDir }),
    environment,
  ).catch(rethrowWithProtocolHint);
  const analysis = analyzeResume(
    uninterrupted.data,
    firstLeg.data,
    resumedLeg.data,
    options.resumeAt,
    plan.ignoreMetrics,
  );
  return { analysis, exitCode: analysis.status === 'pass' ? EXIT_PASS : EXIT_DRIFT };
}

function rethrowWithProtocolHint(error: unknown): never {
  if (error instanceof ReproError && !error.hint?.includes(STATE_DIR_VARIABLE)) {
    throw new ReproError(error.message, {
      hint: `${error.hint ? `${error.hint}\n` : ''}In a resume audit the command runs with ${STOP_AT_STEP_VARIABLE}/${STATE_DIR_VARIABLE}, then ${RESUME_FROM_VARIABLE}; see examples/pytorch-smoke/train.py.`,
      cause: error,
    });
  }
  throw error;
}
