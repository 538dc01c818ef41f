import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  judgeAgainstBand
} from "./chunk-7ES5ZDZY.js";
import {
  loadBaselineForCheck,
  workingTreeBaseline
} from "./chunk-GLHUCNKJ.js";
import {
  compareFinalCheckpoints,
  diffEnvironments,
  pinningLines
} from "./chunk-U455O2BG.js";
import {
  changedToleranceKeys,
  sigmaGateOptionsOf,
  tolerancePlanFromText
} from "./chunk-J2K7L4Y2.js";
import {
  collectRunEnvironment,
  prepareRepo,
  repoRelative,
  trainAndRecord
} from "./chunk-NLMQQJFJ.js";
import {
  compareMetrics
} from "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import {
  TolerancePicker,
  resolveTolerance
} from "./chunk-HMN27A7O.js";
import {
  resolveBaselinePath
} from "./chunk-U5GOPGMT.js";
import {
  renderMarkdown
} from "./chunk-NMA27XLJ.js";
import {
  checkReportToJson
} from "./chunk-GMD56C7G.js";
import {
  renderHtml
} from "./chunk-DNJPAI4D.js";
import "./chunk-3YJUOLUT.js";
import {
  seedMismatchNote
} from "./chunk-557MTL2E.js";
import {
  loadChartLibrary
} from "./chunk-T4NLS56T.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import {
  readFileAtCommit
} from "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import {
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import {
  RUN_RECORD_FILE
} from "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import {
  tolerancePlanOf,
  trainingPlanOf
} from "./chunk-VRURZYB3.js";
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-4NT54M3U.js";
import {
  decideOutcome
} from "./chunk-NV534FCQ.js";
import {
  TOLERANCE_KEYS
} from "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/check.ts
init_define_REPRO_CHART_LIBRARY();
import os from "node:os";
import path2 from "node:path";

// src/modes/check-tolerance.ts
init_define_REPRO_CHART_LIBRARY();
async function toleranceForRun(loaded, configRepoPath, repo, context) {
  const own = tolerancePlanOf(loaded.config);
  const explicit = TOLERANCE_KEYS.filter((key) => loaded.explicitKeys.includes(key));
  const origin = loaded.origins.tolerance ?? "default";
  let plan = own;
  let source = origin === "default" ? "default (numpy.allclose: rtol 1e-5, atol 1e-8)" : `tolerance in ${origin}`;
  const lines = [];
  const base = repo.provenance.baseCommit;
  if (base && !configRepoPath) {
    lines.push(
      "There is no config file, so the tolerance keys come from this run's inputs and the defaults, as the pull request's workflow sets them; put them in repro.yml to hold pull requests to the base commit's values."
    );
  } else if (base && configRepoPath) {
    const baseText = await readFileAtCommit(repo.repo, base, configRepoPath);
    const basePlan = baseText === null ? null : tolerancePlanFromText(baseText);
    if (baseText === null) {
      lines.push(
        `The base commit has no ${configRepoPath} (this pull request adds it); this run's tolerance keys apply.`
      );
    } else if (!basePlan) {
      lines.push(`The base commit's ${configRepoPath} has no valid tolerance keys; this run's values apply.`);
    } else {
      plan = { ...basePlan, ...Object.fromEntries(explicit.map((key) => [key, own[key]])) };
      if (!explicit.includes("tolerance")) source = `${configRepoPath} at base commit ${base.slice(0, 12)}`;
      const changed = changedToleranceKeys(basePlan, own).filter((key) => !loaded.explicitKeys.includes(key));
      if (changed.length > 0) {
        lines.push(
          `This pull request changes ${changed.map((k) => `\`${k}\``).join(", ")}; the base commit's values apply here and the new ones after merge.`
        );
        context.log.warning(
          `This pull request changes ${changed.join(", ")}; the base commit's values apply until it is merged.`
        );
      }
      if (explicit.length > 0) {
        lines.push(
          `${explicit.map((k) => `\`${k}\` (${loaded.origins[k]})`).join(", ")}: given explicitly, so this run's value applies, not the base commit's ${configRepoPath}; the pull request's workflow sets it.`
        );
      }
    }
  }
  const t = resolveTolerance(plan.tolerance);
  lines.unshift(t.exact ? `exact (bit-for-bit) \u2014 from ${source}` : `rtol ${t.rtol}, atol ${t.atol} \u2014 from ${source}`);
  for (const [glob, override] of Object.entries(plan["metric-tolerances"]))
    lines.push(`\`${glob}\`: ${JSON.stringify(override)}`);
  lines.push(`ignored metrics: ${plan["ignore-metrics"].map((g) => `\`${g}\``).join(", ") || "none"}`);
  return { plan, source, lines };
}

// src/modes/check-weights.ts
init_define_REPRO_CHART_LIBRARY();
function judgeWeights(baseline, current, exact) {
  const finalWeights = compareFinalCheckpoints(baseline.checkpoints, current.checkpoints);
  const mergedWeights = compareFinalCheckpoints(
    mergedEntry(baseline),
    mergedEntry(current),
    `merged checkpoint (average of the last ${current.merged?.from.length ?? 0})`
  );
  const weights = {
    lines: [...finalWeights.lines, ...mergedWeights.lines],
    compared: finalWeights.compared || mergedWeights.compared,
    differing: [...finalWeights.differing, ...mergedWeights.differing.map((name) => `merged: ${name}`)],
    tensors: finalWeights.tensors + mergedWeights.tensors,
    notProduced: [finalWeights.notProduced, mergedWeights.notProduced].filter((cause) => cause !== null).join("; ") || null
  };
  const weightsDrift = exact && weights.differing.length > 0 && (weights.compared || weights.notProduced !== null);
  return {
    weightsDrift: weightsDrift ? {
      differing: weights.differing.length,
      tensors: weights.tensors,
      ...weights.notProduced ? { cause: weights.notProduced } : {}
    } : null,
    weightsNotCompared: !exact && weights.notProduced !== null,
    checkpointLines: [...weights.lines, ...weightsVerdictLines(weights, exact)]
  };
}
function mergedEntry(record) {
  return record.merged?.tensors ? [{ path: record.merged.path, step: 0, tensors: record.merged.tensors }] : void 0;
}
function weightsVerdictLines(weights, exact) {
  if (weights.notProduced !== null) {
    return [
      exact ? "tolerance is exact, so weights this run did not produce are drift" : "the weights were not compared (under `tolerance: { exact: true }` this is drift); check the `checkpoints` setting and that the training still saves them"
    ];
  }
  if (!weights.compared || weights.differing.length === 0) return [];
  return [
    exact ? "tolerance is exact, so differing weights are drift" : "weights are compared bit for bit only under `tolerance: { exact: true }`; here they are reported"
  ];
}

// src/modes/baseline-workflow.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml = __toESM(require_dist(), 1);
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
function findBaselineWorkflow(files) {
  for (const { file, text } of [...files].sort((a, b) => a.file < b.file ? -1 : 1)) {
    let workflow;
    try {
      workflow = (0, import_yaml.parse)(text) ?? {};
    } catch {
      continue;
    }
    const triggers = workflow.on;
    const dispatchable = triggers === "workflow_dispatch" || Array.isArray(triggers) && triggers.includes("workflow_dispatch") || typeof triggers === "object" && triggers !== null && "workflow_dispatch" in triggers;
    const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job?.steps ?? []);
    const baselineStep = steps.some(
      (step) => typeof step?.uses === "string" && (/repro-check/.test(step.uses) || step.uses === "./") && step.with?.["mode"] === "baseline"
    );
    if (dispatchable && baselineStep) return { name: typeof workflow.name === "string" ? workflow.name : file, file };
  }
  return null;
}
async function readBaselineWorkflow(repoRoot) {
  const dir = path.join(repoRoot, ".github", "workflows");
  const names = await readdir(dir).catch(() => []);
  const files = await Promise.all(
    names.filter((n) => /\.ya?ml$/.test(n)).map(async (file) => ({ file, text: await readFile(path.join(dir, file), "utf8") }))
  );
  return findBaselineWorkflow(files);
}

// src/modes/check.ts
async function runCheck(options, context) {
  const config = options.settings.config;
  const plan = trainingPlanOf(config);
  const repo = await prepareRepo(config, context, { allowDirty: options.allowDirty ?? false });
  const environment = await collectRunEnvironment(plan, repo, context);
  const baselineFile = resolveBaselinePath(config.baseline, environment, context.env, os.hostname());
  const baselineRepoPath = repoRelative(repo, baselineFile);
  const baselineCommit = repo.provenance.baseCommit;
  const where = baselineCommit ? `${baselineRepoPath} at base commit ${baselineCommit.slice(0, 12)}` : baselineRepoPath;
  const source = baselineCommit ? { label: where, read: () => readFileAtCommit(repo.repo, baselineCommit, baselineRepoPath) } : workingTreeBaseline(path2.join(repo.repoRoot, baselineRepoPath), where);
  const configRepoPath = options.configPath ? repoRelative(repo, options.configPath) : null;
  const baseline = await loadBaselineForCheck(source);
  const createCommands = [
    `npx repro-check baseline update${configRepoPath ? ` --config ${configRepoPath}` : ""}`,
    `git add ${baselineRepoPath} && git commit -m "Add repro-check baseline" && git push`
  ];
  if (baseline === null && options.onMissingBaseline === "fail") {
    throw new ReproError(
      `No baseline at ${where}; nothing to compare this run with. To create one, on a clean checkout of the default branch run:
${createCommands.map((c) => `  ${c}`).join("\n")}`,
      {
        hint: "or run the baseline-update workflow (workflow_dispatch with `mode: baseline`). The action passes without a baseline under `on-missing-baseline: warn`."
      }
    );
  }
  const tolerance = await toleranceForRun(options.settings, configRepoPath, repo, context);
  const pinning = await pinningLines(repo.workDir, config["pinning-risks"]);
  const trained = await trainAndRecord(plan, repo, context, environment);
  return context.log.group("Comparing with the baseline", async () => {
    const recordPath = path2.join(trained.outDir, RUN_RECORD_FILE);
    await writeFileAtomic(recordPath, serializeDocument(trained.record));
    const report = {
      outcome: "pass",
      verdict: null,
      baselineData: null,
      currentData: trained.data,
      runLabel: `commit ${repo.provenance.commit.slice(0, 12)}${repo.provenance.ref ? ` (${repo.provenance.ref})` : ""}, seed ${plan.seed}`,
      baselineLabel: where,
      toleranceLines: tolerance.lines,
      environmentDifferences: [],
      checkpointLines: [],
      notes: [],
      runUrl: options.runUrl ?? null,
      uncleanTree: repo.dirty,
      // The default config file needs no --config in the command it suggests.
      nextSteps: {
        where: context.pullRequest ? "pull-request" : "local",
        acceptLabel: config["accept-label"],
        baselinePath: baselineRepoPath,
        configPath: configRepoPath === "repro.yml" ? null : configRepoPath,
        baselineWorkflow: await readBaselineWorkflow(repo.repoRoot)
      }
    };
    report.notes.push(...trained.warnings, ...pinning);
    report.notes.push(
      trained.isolation.kind === "pid-namespace" ? `The training ran in its own PID namespace (${trained.isolation.detail}): it could not see the job's other processes.` : `The training ran without PID-namespace isolation (${trained.isolation.detail}); see docs/security.md for what it could reach.`
    );
    const extra = trained.record.environment.extra;
    if (extra["tfjs.backend"])
      report.notes.push(
        `Built-in trainer backend: ${extra["tfjs.backend"]} ${extra["tfjs.version"] ?? ""} on ${extra["tfjs.device"] ?? "unknown device"}`
      );
    let exitCode = EXIT_PASS;
    if (baseline === null) {
      report.outcome = "no-baseline";
      report.message = [
        `No baseline at \`${where}\`. To create one, on a clean checkout of the default branch run:`,
        "",
        "```sh",
        ...createCommands,
        "```",
        "",
        "or run the baseline-update workflow (workflow_dispatch with `mode: baseline`)."
      ].join("\n");
    } else {
      report.baselineData = baseline.data;
      const picker = new TolerancePicker(
        resolveTolerance(tolerance.plan.tolerance),
        tolerance.source,
        tolerance.plan["metric-tolerances"]
      );
      const plain = compareMetrics(baseline.data, trained.data, {
        tolerances: picker,
        include: [],
        ignore: tolerance.plan["ignore-metrics"]
      });
      const judged = judgeAgainstBand(
        plain,
        baseline.baseline,
        baseline.label,
        trained.data,
        plan.seed,
        sigmaGateOptionsOf(tolerance.plan, picker)
      );
      const verdict = judged.verdict;
      report.toleranceLines.push(...judged.lines);
      for (const glob of verdict.unusedToleranceGlobs)
        context.log.warning(
          `metric-tolerances["${glob}"] matches no metric; check the name (globs match whole names, * matches any characters)`
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
          "The training settings (command or trainer, determinism switches) differ from those the baseline was made with; drift may come from that."
        );
      }
      const drifted = decideOutcome({ verdict, weightsDrift: report.weightsDrift ?? null, acceptedBy: null }).outcome === "drift";
      const accepted = drifted && options.findAcceptance ? await options.findAcceptance() : null;
      const decided = decideOutcome({ verdict, weightsDrift: report.weightsDrift ?? null, acceptedBy: accepted });
      report.outcome = decided.outcome;
      report.acceptedBy = accepted;
      exitCode = decided.exitCode;
    }
    const markdown = renderMarkdown(report);
    const reportPath = path2.join(trained.outDir, "report.md");
    await writeFileAtomic(reportPath, markdown);
    const htmlPath = path2.join(trained.outDir, "report.html");
    await writeFileAtomic(htmlPath, renderHtml(report, await loadChartLibrary()));
    if (report.verdict)
      await writeFileAtomic(
        path2.join(trained.outDir, "report.json"),
        JSON.stringify(checkReportToJson({ ...report, verdict: report.verdict }), null, 2) + "\n"
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
      baselineRepoPath
    };
  });
}
export {
  runCheck
};
