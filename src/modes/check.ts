import os from 'node:os';
import path from 'node:path';
import { EXIT_PASS, ReproError } from '../errors.ts';
import type { LoadedSettings } from '../settings/load.ts';
import { changedGateKeys, gateSettingsFromText, gateSettingsOf, type GateSettings } from '../settings/gate.ts';
import { GATE_KEYS } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, repoRelative, type RepoState } from './repo-state.ts';
import { trainAndRecord, type TrainedRun } from './train.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { resolveBaselinePath } from './baseline-location.ts';
import { readBaselineWorkflow } from './baseline-workflow.ts';
import { serializeDocument } from '../record/codec.ts';
import { loadBaselineForCheck, workingTreeBaseline, type BaselineSource } from '../record/baseline-store.ts';
import type { CheckpointEntry, RunRecordJson } from '../record/types.ts';
import { compareMetrics } from '../compare/compare.ts';
import { decideOutcome } from '../compare/outcome.ts';
import { resolveTolerance, TolerancePicker } from '../compare/tolerance.ts';
import type { Verdict } from '../compare/types.ts';
import { compareFinalCheckpoints, type WeightsComparison } from '../compare/weights.ts';
import { diffEnvironments } from '../env/fingerprint.ts';
import { readFileAtCommit } from '../git/provenance.ts';
import { renderMarkdown, seedMismatchNote, type ReportInput } from '../report/markdown.ts';
import { checkReportToJson } from '../report/json.ts';
import { renderHtml } from '../report/html.ts';
import { loadChartLibrary } from '../report/chart-library.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { sigmaGateOptionsOf } from '../settings/gate.ts';
import { judgeAgainstBand } from '../compare/sigma-verdict.ts';
import { pinningLines } from '../env/pinning.ts';

export type Outcome = ReportInput['outcome'];

/** The merged checkpoint's fingerprints as a checkpoint list, for compareFinalCheckpoints. */
function mergedEntry(record: RunRecordJson): CheckpointEntry[] | undefined {
  return record.merged?.tensors ? [{ path: record.merged.path, step: 0, tensors: record.merged.tensors }] : undefined;
}

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
 */
export async function runCheck(options: CheckOptions, context: ModeContext): Promise<CheckResult> {
  const config = options.settings.config;
  const repo = await prepareRepo(config, context, { allowDirty: options.allowDirty ?? false });
  const environment = await collectRunEnvironment(config, repo, context);

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
  const gate = await gateSettingsForRun(options.settings, configRepoPath, repo, context);
  const pinning = await pinningLines(repo.workDir, config['pinning-risks']);
  const trained = await trainAndRecord(config, repo, context, environment);

  return context.log.group('Comparing with the baseline', async () => {
    const recordPath = path.join(trained.outDir, 'run-record.json');
    await writeFileAtomic(recordPath, serializeDocument(trained.record));

    const report: ReportInput = {
      outcome: 'pass',
      verdict: null,
      baselineData: null,
      currentData: trained.data,
      runLabel: `commit ${repo.provenance.commit.slice(0, 12)}${repo.provenance.ref ? ` (${repo.provenance.ref})` : ''}, seed ${config.seed}`,
      baselineLabel: where,
      toleranceLines: gate.lines,
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
        resolveTolerance(gate.settings.tolerance),
        gate.source,
        gate.settings['metric-tolerances'],
      );
      const plain = compareMetrics(baseline.data, trained.data, {
        tolerances: picker,
        include: [],
        ignore: gate.settings['ignore-metrics'],
      });
      const judged = judgeAgainstBand(
        plain,
        baseline.baseline,
        baseline.label,
        trained.data,
        config.seed,
        sigmaGateOptionsOf(gate.settings, picker),
      );
      const verdict = judged.verdict;
      report.toleranceLines.push(...judged.lines);
      for (const glob of verdict.unusedToleranceGlobs)
        context.log.warning(
          `metric-tolerances["${glob}"] matches no metric; check the name (globs match whole names, * matches any characters)`,
        );
      const finalWeights = compareFinalCheckpoints(baseline.run.checkpoints, trained.record.checkpoints);
      const mergedWeights = compareFinalCheckpoints(
        mergedEntry(baseline.run),
        mergedEntry(trained.record),
        `merged checkpoint (average of the last ${trained.record.merged?.from.length ?? 0})`,
      );
      const weights = {
        lines: [...finalWeights.lines, ...mergedWeights.lines],
        compared: finalWeights.compared || mergedWeights.compared,
        differing: [...finalWeights.differing, ...mergedWeights.differing.map((name) => `merged: ${name}`)],
        tensors: finalWeights.tensors + mergedWeights.tensors,
        notProduced:
          [finalWeights.notProduced, mergedWeights.notProduced].filter((cause) => cause !== null).join('; ') || null,
      };
      const exact = gate.settings.tolerance.exact === true;
      // Weights the baseline has but this run did not produce count as differing: never a quiet pass.
      const weightsDrift = exact && weights.differing.length > 0 && (weights.compared || weights.notProduced !== null);
      report.verdict = verdict;
      report.weightsDrift = weightsDrift
        ? {
            differing: weights.differing.length,
            tensors: weights.tensors,
            ...(weights.notProduced ? { cause: weights.notProduced } : {}),
          }
        : null;
      report.weightsNotCompared = !exact && weights.notProduced !== null;
      report.environmentDifferences = diffEnvironments(baseline.run.environment, trained.record.environment);
      report.checkpointLines = [...weights.lines, ...weightsVerdictLines(weights, exact)];
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

/** What the weights comparison means for the verdict under this tolerance (pure). */
function weightsVerdictLines(weights: WeightsComparison, exact: boolean): string[] {
  if (weights.notProduced !== null) {
    return [
      exact
        ? 'tolerance is exact, so weights this run did not produce are drift'
        : 'the weights were not compared (under `tolerance: { exact: true }` this is drift); check the `checkpoints` setting and that the training still saves them',
    ];
  }
  if (!weights.compared || weights.differing.length === 0) return [];
  return [
    exact
      ? 'tolerance is exact, so differing weights are drift'
      : 'weights are compared bit for bit only under `tolerance: { exact: true }`; here they are reported',
  ];
}

/**
 * Tolerance keys for this run. In a pull request the keys that the config file decides are read
 * from that file at the base commit, so a PR cannot loosen its own gate by editing it. Keys given
 * as action inputs (or flags) keep their values: they live in the workflow file, which the PR's
 * run takes as the PR has it, so there is no base-commit copy of them to read. Either way the
 * report says where the values came from.
 */
async function gateSettingsForRun(
  loaded: LoadedSettings,
  configRepoPath: string | null,
  repo: RepoState,
  context: ModeContext,
): Promise<{ settings: GateSettings; source: string; lines: string[] }> {
  const own = gateSettingsOf(loaded.config);
  const explicit = GATE_KEYS.filter((key) => loaded.explicitKeys.includes(key));
  const origin = loaded.origins.tolerance ?? 'default';
  let settings = own;
  let source = origin === 'default' ? 'default (numpy.allclose: rtol 1e-5, atol 1e-8)' : `tolerance in ${origin}`;
  const lines: string[] = [];
  const base = repo.provenance.baseCommit;
  if (base && !configRepoPath) {
    lines.push(
      "There is no config file, so the tolerance keys come from this run's inputs and the defaults, as the pull request's workflow sets them; put them in repro.yml to hold pull requests to the base commit's values.",
    );
  } else if (base && configRepoPath) {
    const baseText = await readFileAtCommit(repo.repo, base, configRepoPath);
    const baseGate = baseText === null ? null : gateSettingsFromText(baseText);
    if (baseText === null) {
      lines.push(
        `The base commit has no ${configRepoPath} (this pull request adds it); this run's tolerance keys apply.`,
      );
    } else if (!baseGate) {
      lines.push(`The base commit's ${configRepoPath} has no valid tolerance keys; this run's values apply.`);
    } else {
      settings = { ...baseGate, ...Object.fromEntries(explicit.map((key) => [key, own[key]])) } as GateSettings;
      if (!explicit.includes('tolerance')) source = `${configRepoPath} at base commit ${base.slice(0, 12)}`;
      const changed = changedGateKeys(baseGate, own).filter((key) => !loaded.explicitKeys.includes(key));
      if (changed.length > 0) {
        lines.push(
          `This pull request changes ${changed.map((k) => `\`${k}\``).join(', ')}; the base commit's values apply here and the new ones after merge.`,
        );
        context.log.warning(
          `This pull request changes ${changed.join(', ')}; the base commit's values apply until it is merged.`,
        );
      }
      if (explicit.length > 0) {
        lines.push(
          `${explicit.map((k) => `\`${k}\` (${loaded.origins[k]})`).join(', ')}: given explicitly, so this run's value applies, not the base commit's ${configRepoPath}; the pull request's workflow sets it.`,
        );
      }
    }
  }
  const t = resolveTolerance(settings.tolerance);
  lines.unshift(t.exact ? `exact (bit-for-bit) — from ${source}` : `rtol ${t.rtol}, atol ${t.atol} — from ${source}`);
  for (const [glob, override] of Object.entries(settings['metric-tolerances']))
    lines.push(`\`${glob}\`: ${JSON.stringify(override)}`);
  lines.push(`ignored metrics: ${settings['ignore-metrics'].map((g) => `\`${g}\``).join(', ') || 'none'}`);
  return { settings, source, lines };
}
