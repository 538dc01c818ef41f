import path from 'node:path';
import { EXIT_DRIFT, EXIT_PASS } from '../errors.ts';
import type { LoadedSettings } from '../settings/load.ts';
import type { ReproConfig } from '../settings/schema.ts';
import { sigmaGateOptionsOf } from '../settings/tolerance.ts';
import { tolerancePlanOf, trainingPlanOf, type TrainingPlan } from '../settings/plans.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, type RepoState } from './repo-state.ts';
import { createRunOutputDir, trainAndRecord, type TrainedRun } from './train.ts';
import { collectRunEnvironment, startPythonProbe } from './run-environment.ts';
import { withPythonFacts } from '../env/fingerprint.ts';
import {
  analyseAudit,
  type AnalyseOptions,
  type AuditFindings,
  type AuditRun,
  type RunKind,
} from '../audit/analyse.ts';
import { resolveTolerance, TolerancePicker } from '../compare/tolerance.ts';
import { describeSigmaGate } from '../stats/sigma-gate.ts';
import { auditToJson, renderAuditMarkdown, type AuditReportInput } from '../report/audit.ts';
import { serializeDocument } from '../record/codec.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { pinningLines } from '../env/pinning.ts';
import type { EnvironmentFingerprint } from '../record/types.ts';

export interface RepeatedRun extends AuditRun {
  trained: TrainedRun;
}

export interface Repeats {
  runs: RepeatedRun[];
  /** Time spent inside the trainings (each `trainAndRecord`), in ms. */
  trainingMs: number;
}

/**
 * Trains the checked-out commit `sameSeed` times with TRAINING's seed, then once with each
 * of the next `seeds` seeds (seed + 1, seed + 2, …). Each run's command sees REPRO_RUN_INDEX
 * (0-based within its kind) and REPRO_RUN_KIND (`same-seed` | `seed`) beside REPRO_SEED, and
 * each run's environment is fingerprinted again, so that a change between runs (another GPU,
 * a driver update mid-audit) shows. The Python probe runs once, beside the first training
 * (installed packages do not change between the runs of one job; it touches no GPU), and its
 * facts join every run's record. Throws what `trainAndRecord` throws (a failed training).
 */
export async function trainRepeats(
  training: TrainingPlan,
  repo: RepoState,
  context: ModeContext,
  counts: { sameSeed: number; seeds: number },
): Promise<Repeats> {
  const plan: Array<{ kind: RunKind; index: number; seed: number }> = [
    ...Array.from({ length: counts.sameSeed }, (_, index) => ({
      kind: 'same-seed' as const,
      index,
      seed: training.seed,
    })),
    ...Array.from({ length: counts.seeds }, (_, index) => ({
      kind: 'seed' as const,
      index,
      seed: training.seed + 1 + index,
    })),
  ];
  const probe = startPythonProbe(training, repo, context);
  const runs: RepeatedRun[] = [];
  let trainingMs = 0;
  try {
    for (const [i, step] of plan.entries()) {
      context.log.info(`Audit run ${i + 1} of ${plan.length}: ${step.kind} #${step.index}, seed ${step.seed}`);
      // The run's identity reaches the command through the environment it inherits (childEnvironment copies it).
      const runContext: ModeContext = {
        ...context,
        env: { ...context.env, REPRO_RUN_INDEX: String(step.index), REPRO_RUN_KIND: step.kind },
      };
      const runPlan: TrainingPlan = { ...training, seed: step.seed };
      const environment = await collectRunEnvironment(runPlan, repo, runContext, 'deferred');
      const started = performance.now();
      const trained = await trainAndRecord(runPlan, repo, runContext, environment);
      trainingMs += performance.now() - started;
      trained.record.environment = withPythonFacts(trained.record.environment, probe.interpreter, await probe.facts);
      runs.push({
        ...step,
        data: trained.data,
        environment: trained.record.environment,
        checkpoints: trained.record.checkpoints,
        trained,
      });
    }
  } catch (error) {
    // The probe (bounded in time) ends before a failure is reported: no process outlives the audit.
    await probe.facts;
    throw error;
  }
  return { runs, trainingMs };
}

/** How the settings shape the audit's analysis: expect, ignored metrics, the σ gate, the determinism switch. */
export function auditOptionsOf(config: ReproConfig, env: NodeJS.ProcessEnv): AnalyseOptions {
  const plan = tolerancePlanOf(config);
  const picker = new TolerancePicker(resolveTolerance(plan.tolerance), 'tolerance', plan['metric-tolerances']);
  return {
    expect: config.audit.expect,
    ignore: plan['ignore-metrics'],
    gate: sigmaGateOptionsOf(plan, picker),
    determinismEnv: config['determinism-env'],
    env,
  };
}

export interface AuditResult {
  exitCode: number;
  findings: AuditFindings;
  report: AuditReportInput;
  markdown: string;
  /** The folder holding report.md, audit.json and one run record per run. */
  outDir: string;
}

/**
 * `audit`: the same commit `audit.runs` times with one seed and `audit.seeds` times with other
 * seeds; reports whether the runs are bit-identical, the level reached, and the likely causes.
 * Exit 1 when the level in `audit.expect` is not reached.
 */
export async function runAudit(settings: LoadedSettings, context: ModeContext): Promise<AuditResult> {
  const started = performance.now();
  const config = settings.config;
  const repo = await prepareRepo(config, context);
  const pinning = await pinningLines(repo.workDir, config['pinning-risks']);
  const repeats = await trainRepeats(trainingPlanOf(config), repo, context, {
    sameSeed: config.audit.runs,
    seeds: config.audit.seeds,
  });
  return context.log.group('Analysing the audit runs', async () => {
    const options = auditOptionsOf(config, context.env);
    const findings = analyseAudit(repeats.runs, options);
    for (const warning of findings.warnings) context.log.warning(warning);
    const outDir = await createRunOutputDir(context.env);
    for (const run of repeats.runs)
      await writeFileAtomic(
        path.join(outDir, `run-${run.kind}-${run.index}.json`),
        serializeDocument(run.trained.record),
      );
    const report: AuditReportInput = {
      findings,
      commit: repo.provenance.commit,
      seed: config.seed,
      otherSeeds: repeats.runs.filter((r) => r.kind === 'seed').map((r) => r.seed),
      gateLine: describeSigmaGate(options.gate, config.audit.seeds + 1),
      wallMs: performance.now() - started,
      trainingMs: repeats.trainingMs,
      environmentLines: [...interpreterLines(repeats.runs[0]!.environment), ...pinning],
    };
    const markdown = renderAuditMarkdown(report);
    await writeFileAtomic(path.join(outDir, 'report.md'), markdown);
    await writeFileAtomic(path.join(outDir, 'audit.json'), JSON.stringify(auditToJson(report), null, 2) + '\n');
    return { exitCode: findings.reached ? EXIT_PASS : EXIT_DRIFT, findings, report, markdown, outDir };
  });
}

/** What the audit's runs ran with: the interpreter probed (and why that one), and its frameworks' numerics facts. */
function interpreterLines(environment: EnvironmentFingerprint): string[] {
  const interpreter = environment.interpreter;
  if (!interpreter) return [];
  const facts = Object.entries(environment.frameworks ?? {})
    .filter(([, v]) => v !== 'not installed')
    .map(([k, v]) => `${k} ${v}`);
  return [
    `Python ${environment.python ?? 'not found'}: ${interpreter.executable ?? interpreter.command} (chosen by ${interpreter.chosenBy === 'PATH' ? 'python3 on PATH' : interpreter.chosenBy})${interpreter.problem ? ` — ${interpreter.problem}` : ''}`,
    ...(facts.length > 0 ? [facts.join('; ')] : []),
    ...(environment.gpu
      ? [
          `GPU: ${environment.gpu.devices.map((d) => d.name).join(', ') || 'none visible'}, driver ${environment.gpu.driver}, CUDA ${environment.gpu.cuda}`,
        ]
      : []),
  ];
}
