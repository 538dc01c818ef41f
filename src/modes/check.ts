import os from 'node:os';
import path from 'node:path';
import { EXIT_PASS, ReproError } from '../errors.ts';
import type { LoadedSettings } from '../settings/load.ts';
import { trainingPlanOf } from '../settings/plans.ts';
import { sigmaGateOptionsOf } from '../settings/tolerance.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, repoRelative } from './repo-state.ts';
import { toleranceForRun } from './check-tolerance.ts';
import { judgeWeights } from './check-weights.ts';
import { trainAndRecord, type TrainedRun } from './train.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { resolveBaselinePath } from './baseline-location.ts';
import { readBaselineWorkflow } from './baseline-workflow.ts';
import { serializeDocument } from '../record/codec.ts';
import { loadBaselineForCheck, workingTreeBaseline, type BaselineSource } from '../record/baseline-store.ts';
import { compareMetrics } from '../compare/compare.ts';
import { decideOutcome } from '../compare/outcome.ts';
import { resolveTolerance, TolerancePicker } from '../compare/tolerance.ts';
import type { Verdict } from '../compare/types.ts';
import { diffEnvironments } from '../env/environment-diff.ts';
import { readFileAtCommit } from '../git/provenance.ts';
import { renderMarkdown, type ReportInput } from '../report/markdown.ts';
import { seedMismatchNote } from '../report/headline.ts';
import { checkReportToJson } from '../report/json.ts';
import { renderHtml } from '../report/html.ts';
import { loadChartLibrary } from '../report/chart-library.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { judgeAgainstBand } from '../compare/sigma-verdict.ts';
import { pinningLines } from '../env/pinning.ts';
import { RUN_RECORD_FILE } from '../record/types.ts';

export type Outcome = ReportInput['outcome'];

export interface CheckOptions {
  settings: LoadedSettings;
  /** The config file's absolute path (read again at the base commit in a pull request), or null. */
  configPath: string | null;
  /** What a missing baseline means: the action's `on-missing-baseline`; the CLI always fails. */
  onMissingBaseline: 'warn' | 'fail';
  /** Asked only on drift: did someone with write access accept it (the PR label)? */
  findAcceptance?: () => Promise<{ login: string; at: string } | null>;
  runUrl?: string | null;
  /** The CLI's --allow-dirty: train an unclean tree; the report says the result cannot gate. */
  allowDirty?: boolean;
}

export interface CheckResult {
  exitCode: number;
  outcome: Outcome;
  verdict: Verdict | null;
  report: ReportInput;
  markdown: string;
  trained: TrainedRun;
  recordPath: string;
  reportPath: string;
  /** report.html beside report.md: the same report with interactive charts, self-contained. */
  htmlPath: string;
  /** The baseline file, relative to the repo root. */
  baselineRepoPath: string;
}

/**
 * `check`: gate the tree, train, compare against the baseline, and report (DESIGN.md's PR gate).
 * Everything that can refuse the run (the baseline file, the base commit's tolerance keys, the
 * fingerprint paths) is read before the training, so a bad input costs seconds, not a training.
 * The training follows the settings' training plan, the comparison their tolerance plan (in a
 * pull request as the base commit has it, modes/check-tolerance.ts).
 * @returns the outcome and exit code, the verdict, the report (markdown, and report.md,
 * report.html, report.json and run-record.json written into the run's output folder).
 * @throws ReproError for an unclean tree, a missing baseline under `onMissingBaseline: fail`, an
 * unreadable baseline, or a training that failed.
 */
export async function runCheck(options: CheckOptions, context: ModeContext): Promise<CheckResult> {
  const config = options.settings.config;
  const plan = trainingPlanOf(config);
  const repo = await prepareRepo(config, context, { allowDirty: options.allowDirty ?? false });
  const environment = await collectRunEnvironment(plan, repo, context);

  const baselineFile = resolveBaselinePath(config.baseline, environment, context.env, os.hostname());
  const baselineRepoPath = repoRelative(repo, baselineFile);
  const baselineCommit = repo.provenance.baseCommit;
  const where = baselineCommit ? `${baselineRepoPath} at base commit ${baselineCommit.slice(0, 12)}` : baselineRepoPath;
  // In a pull request the baseline is the base commit's, so a PR cannot replace its own.
  const source: BaselineSource = baselineCommit
    ? { label: where, read: () => readFileAtCommit(repo.repo, baselineCommit, baselineRepoPath) }
    : workingTreeBaseline(path.join(repo.repoRoot, baselineRepoPath), where);
  const configRepoPath = options.configPath ? repoRelative(repo, options.configPath) : null;
  const baseline = await loadBaselineForCheck(source);
  const createCommands = [
    `npx repro-check baseline update${configRepoPath ? ` --config ${configRepoPath}` : ''}`,
    `git add ${baselineRepoPath} && git commit -m "Add repro-check baseline" && git push`,
  ];
  if (baseline === null && options.onMissingBaseline === 'fail') {
    // Nothing to compare with: say so now rather than after the training.
    throw new ReproError(
      `No baseline at ${where}; nothing to compare this run with. To create one, on a clean checkout of the default branch run:\n${createCommands.map((c) => `  ${c}`).join('\n')}`,
      {
        hint: 'or run the baseline-update workflow (workflow_dispatch with `mode: baseline`). The action passes without a baseline under `on-missing-baseline: warn`.',
      },
    );
  }
  const tolerance = await toleranceForRun(options.settings, configRepoPath, repo, context);
  const pinning = await pinningLines(repo.workDir, config['pinning-risks']);
  const trained = await trainAndRecord(plan, repo, context, environment);

  return context.log.group('Comparing with the baseline', async () => {
    const recordPath = path.join(trained.outDir, RUN_RECORD_FILE);
    await writeFileAtomic(recordPath, serializeDocument(trained.record));

    const report: ReportInput = {
      outcome: 'pass',
      verdict: null,
      baselineData: null,
      currentData: trained.data,
      runLabel: `commit ${repo.provenance.commit.slice(0, 12)}${repo.provenance.ref ? ` (${repo.provenance.ref})` : ''}, seed ${plan.seed}`,
      baselineLabel: where,
      toleranceLines: tolerance.lines,
      environmentDifferences: [],
      checkpointLines: [],
      notes: [],
      runUrl: options.runUrl ?? null,
      uncleanTree: repo.dirty,
      // The default config file needs no --config in the command it suggests.
      nextSteps: {
        where: context.pullRequest ? 'pull-request' : 'local',
        acceptLabel: config['accept-label'],
        baselinePath: baselineRepoPath,
        configPath: configRepoPath === 'repro.yml' ? null : configRepoPath,
        baselineWorkflow: await readBaselineWorkflow(repo.repoRoot),
      },
    };
    // What the trainer warned about (Math.random called) belongs with the verdict.
    report.notes.push(...trained.warnings, ...pinning);
    report.notes.push(
      trained.isolation.kind === 'pid-namespace'
        ? `The training ran in its own PID namespace (${trained.isolation.detail}): it could not see the job's other processes.`
        : `The training ran without PID-namespace isolation (${trained.isolation.detail}); see docs/security.md for what it could reach.`,
    );
    const extra = trained.record.environment.extra;
    // `backend: auto` may settle on any of three backends: say which one this run used.
    if (extra['tfjs.backend'])
      report.notes.push(
        `Built-in trainer backend: ${extra['tfjs.backend']} ${extra['tfjs.version'] ?? ''} on ${extra['tfjs.device'] ?? 'unknown device'}`,
      );

    let exitCode: number = EXIT_PASS;
    if (baseline === null) {
      report.outcome = 'no-baseline';
      report.message = [
        `No baseline at \`${where}\`. To create one, on a clean checkout of the default branch run:`,
        '',
        '```sh',
        ...createCommands,
        '```',
        '',
        'or run the baseline-update workflow (workflow_dispatch with `mode: baseline`).',
      ].join('\n');
    } else {
      report.baselineData = baseline.data;
      const picker = new TolerancePicker(
        resolveTolerance(tolerance.plan.tolerance),
        tolerance.source,
        tolerance.plan['metric-tolerances'],
      );
      const plain = compareMetrics(baseline.data, trained.data, {
        tolerances: picker,
        include: [],
        ignore: tolerance.plan['ignore-metrics'],
      });
      const judged = judgeAgainstBand(
        plain,
        baseline.baseline,
        baseline.label,
        trained.data,
        plan.seed,
        sigmaGateOptionsOf(tolerance.plan, picker),
      );
      const verdict = judged.verdict;
      report.toleranceLines.push(...judged.lines);
      for (const glob of verdict.unusedToleranceGlobs)
        context.log.warning(
          `metric-tolerances["${glob}"] matches no metric; check the name (globs match whole names, * matches any characters)`,
        );
      report.verdict = verdict;
      Object.assign(report, judgeWeights(baseline.run, trained.record, tolerance.plan.tolerance.exact === true));
      report.environmentDifferences = diffEnvironments(baseline.run.environment, trained.record.environment);
      report.baselineLabel = `${where} (commit ${baseline.run.provenance.commit.slice(0, 12)}, seed ${baseline.run.provenance.seed})`;
      const seeds = { baseline: baseline.run.provenance.seed, current: trained.record.provenance.seed };
      if (seeds.baseline !== seeds.current) {
        report.seedMismatch = seeds;
        report.notes.push(seedMismatchNote(seeds));
      } else if (baseline.run.provenance.settingsHash !== trained.record.provenance.settingsHash) {
        report.notes.push(
          'The training settings (command or trainer, determinism switches) differ from those the baseline was made with; drift may come from that.',
        );
      }
      // Acceptance is asked only on drift (it is a GitHub call); the outcome is decided once, in compare/outcome.ts.
      const drifted =
        decideOutcome({ verdict, weightsDrift: report.weightsDrift ?? null, acceptedBy: null }).outcome === 'drift';
      const accepted = drifted && options.findAcceptance ? await options.findAcceptance() : null;
      const decided = decideOutcome({ verdict, weightsDrift: report.weightsDrift ?? null, acceptedBy: accepted });
      report.outcome = decided.outcome;
      report.acceptedBy = accepted;
      exitCode = decided.exitCode;
    }

    const markdown = renderMarkdown(report);
    const reportPath = path.join(trained.outDir, 'report.md');
    await writeFileAtomic(reportPath, markdown);
    const htmlPath = path.join(trained.outDir, 'report.html');
    await writeFileAtomic(htmlPath, renderHtml(report, await loadChartLibrary()));
    if (report.verdict)
      await writeFileAtomic(
        path.join(trained.outDir, 'report.json'),
        JSON.stringify(checkReportToJson({ ...report, verdict: report.verdict }), null, 2) + '\n',
      );
    return {
      exitCode,
      outcome: report.outcome,
      verdict: report.verdict,
      report,
      markdown,
      trained,
      recordPath,
      reportPath,
      htmlPath,
      baselineRepoPath,
    };
  });
}
