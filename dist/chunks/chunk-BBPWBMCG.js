import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditToJson,
  renderAuditMarkdown
} from "./chunk-NELG7IKU.js";
import {
  compareFinalCheckpoints,
  diffEnvironments,
  pinningLines
} from "./chunk-U455O2BG.js";
import {
  describeSigmaGate,
  leaveOneOut,
  sigmaGate,
  sigmaGateOptionsOf
} from "./chunk-J2K7L4Y2.js";
import {
  collectRunEnvironment,
  createRunOutputDir,
  prepareRepo,
  startPythonProbe,
  trainAndRecord
} from "./chunk-NLMQQJFJ.js";
import {
  compareMetrics
} from "./chunk-RTR2AN4Y.js";
import {
  TolerancePicker,
  resolveTolerance
} from "./chunk-HMN27A7O.js";
import {
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import {
  withPythonFacts
} from "./chunk-AV5HAPW5.js";
import {
  tolerancePlanOf,
  trainingPlanOf
} from "./chunk-VRURZYB3.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_DRIFT,
  EXIT_PASS
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/audit.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";

// src/audit/analyse.ts
init_define_REPRO_CHART_LIBRARY();
var EXACT = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, "exact", {});
function analyseAudit(runs, options) {
  const same = runs.filter((r) => r.kind === "same-seed");
  const seeds = runs.filter((r) => r.kind === "seed");
  const first = same[0];
  if (!first) throw new TypeError("analyseAudit needs at least one same-seed run");
  const metrics = /* @__PURE__ */ new Map();
  for (const run of same.slice(1)) {
    for (const m of compareMetrics(first.data, run.data, { tolerances: EXACT, include: [], ignore: options.ignore }).metrics) {
      const entry = metrics.get(m.name) ?? {
        name: m.name,
        firstDivergentStep: null,
        maxAbsDiff: null,
        identical: true,
        sigmas: null,
        scale: null
      };
      if (m.status !== "pass") entry.identical = false;
      if (m.firstDivergentStep !== null)
        entry.firstDivergentStep = Math.min(entry.firstDivergentStep ?? Infinity, m.firstDivergentStep);
      if (m.maxAbsDiff !== null) entry.maxAbsDiff = Math.max(entry.maxAbsDiff ?? 0, m.maxAbsDiff);
      metrics.set(m.name, entry);
    }
  }
  const differing = /* @__PURE__ */ new Set();
  let tensorsCompared = false;
  let tensorTotal = 0;
  for (const run of same.slice(1)) {
    const weights = compareFinalCheckpoints(first.checkpoints, run.checkpoints);
    tensorsCompared ||= weights.compared;
    tensorTotal = Math.max(tensorTotal, weights.tensors);
    for (const name of weights.differing) differing.add(name);
  }
  const bitIdentical = [...metrics.values()].every((m) => m.identical) && differing.size === 0;
  const band = seeds.length > 0 ? [first.data, ...seeds.map((r) => r.data)] : [];
  let statistical = false;
  if (band.length >= 2) {
    statistical = true;
    for (const run of same.slice(1)) {
      const verdict = sigmaGate(band, run.data, options.gate);
      if (verdict.status === "drift") statistical = false;
      for (const g of verdict.metrics) {
        const entry = metrics.get(g.name);
        if (!entry || g.sigmas === null) continue;
        entry.sigmas = Math.max(entry.sigmas ?? 0, g.sigmas);
        entry.scale = g.scale;
      }
    }
  }
  const level = bitIdentical ? "numerical" : statistical ? "statistical" : "not reproducible";
  const reached = level === "numerical" || level === "statistical" && options.expect === "statistical";
  const seedIgnored = seeds.length > 0 && seeds.every(
    (r) => compareMetrics(first.data, r.data, { tolerances: EXACT, include: [], ignore: options.ignore }).status === "pass"
  );
  const warnings = [];
  if (seedIgnored)
    warnings.push(
      `All ${seeds.length + 1} seeds gave bit-identical metrics: the seed does not reach the training (read REPRO_SEED in the command and seed every generator with it). The seed band is empty, and "numerical" says nothing about seeds.`
    );
  if (seeds.length === 0 && !bitIdentical)
    warnings.push(
      "No seed band (seeds: 0): whether these differences are within seed noise cannot be told; run with --seeds 8."
    );
  return {
    sameSeedRuns: same.length,
    seedRuns: seeds.length,
    bitIdentical,
    level,
    expect: options.expect,
    reached,
    metrics: [...metrics.values()].sort(
      (a, b) => Number(a.identical) - Number(b.identical) || a.name.localeCompare(b.name)
    ),
    tensors: { compared: tensorsCompared, differing: [...differing].sort(), total: tensorTotal },
    seedIgnored,
    causes: bitIdentical ? [] : likelyCauses(same, [...metrics.values()], options),
    warnings,
    calibration: band.length >= 3 && !seedIgnored ? leaveOneOut(band, options.gate) : null
  };
}
function likelyCauses(same, metrics, options) {
  const causes = [];
  for (const run of same.slice(1)) {
    for (const d of diffEnvironments(same[0].environment, run.environment))
      causes.push(
        `The environment changed between same-seed runs 0 and ${run.index}: ${d.key} ${d.baseline} \u2192 ${d.current}.`
      );
  }
  if (!options.determinismEnv)
    causes.push(
      "Determinism variables are off (`determinism-env: false`): CUBLAS_WORKSPACE_CONFIG, TF_DETERMINISTIC_OPS and TF_CUDNN_DETERMINISTIC are not set for the command."
    );
  if (!options.determinismEnv && !options.env.CUBLAS_WORKSPACE_CONFIG && same[0].environment.gpu)
    causes.push("CUBLAS_WORKSPACE_CONFIG is unset on a GPU machine: cuBLAS may pick nondeterministic GEMM algorithms.");
  if (same[0].environment.gpu)
    causes.push(
      "GPU kernels: cuDNN autotuning (`torch.backends.cudnn.benchmark = True`) and float atomics (`index_add_`, `scatter_add_`) vary between runs; `torch.use_deterministic_algorithms(True)` refuses or replaces them."
    );
  if (!options.env.OMP_NUM_THREADS && same[0].environment.cpu.cores > 1)
    causes.push(
      `OMP_NUM_THREADS is unset on ${same[0].environment.cpu.cores} cores: multi-threaded reductions (OpenMP, BLAS) may add in a different order each run; set OMP_NUM_THREADS=1 to test that.`
    );
  const steps = metrics.map((m) => m.firstDivergentStep).filter((s) => s !== null);
  const earliest = steps.length > 0 ? Math.min(...steps) : null;
  if (earliest !== null) {
    const firstLogged = Math.min(
      ...same.flatMap((r) => [...r.data.series.values()].map((s) => s.steps[0] ?? Infinity))
    );
    causes.push(
      earliest <= firstLogged ? `The runs differ from the first logged step (${earliest}): something before training is not seeded (initial weights, data order, an unseeded shuffle or random source).` : `The runs part at step ${earliest}, not at the start: typically accumulated float differences from a reduction whose order varies (threads, atomics, autotuned kernels), or data loading order.`
    );
  }
  return causes;
}

// src/modes/audit.ts
async function trainRepeats(training, repo, context, counts) {
  const plan = [
    ...Array.from({ length: counts.sameSeed }, (_, index) => ({
      kind: "same-seed",
      index,
      seed: training.seed
    })),
    ...Array.from({ length: counts.seeds }, (_, index) => ({
      kind: "seed",
      index,
      seed: training.seed + 1 + index
    }))
  ];
  const probe = startPythonProbe(training, repo, context);
  const runs = [];
  let trainingMs = 0;
  try {
    for (const [i, step] of plan.entries()) {
      context.log.info(`Audit run ${i + 1} of ${plan.length}: ${step.kind} #${step.index}, seed ${step.seed}`);
      const runContext = {
        ...context,
        env: { ...context.env, REPRO_RUN_INDEX: String(step.index), REPRO_RUN_KIND: step.kind }
      };
      const runPlan = { ...training, seed: step.seed };
      const environment = await collectRunEnvironment(runPlan, repo, runContext, "deferred");
      const started = performance.now();
      const trained = await trainAndRecord(runPlan, repo, runContext, environment);
      trainingMs += performance.now() - started;
      trained.record.environment = withPythonFacts(trained.record.environment, probe.interpreter, await probe.facts);
      runs.push({
        ...step,
        data: trained.data,
        environment: trained.record.environment,
        checkpoints: trained.record.checkpoints,
        trained
      });
    }
  } catch (error) {
    await probe.facts;
    throw error;
  }
  return { runs, trainingMs };
}
function auditOptionsOf(config, env) {
  const plan = tolerancePlanOf(config);
  const picker = new TolerancePicker(resolveTolerance(plan.tolerance), "tolerance", plan["metric-tolerances"]);
  return {
    expect: config.audit.expect,
    ignore: plan["ignore-metrics"],
    gate: sigmaGateOptionsOf(plan, picker),
    determinismEnv: config["determinism-env"],
    env
  };
}
async function runAudit(settings, context) {
  const started = performance.now();
  const config = settings.config;
  const repo = await prepareRepo(config, context);
  const pinning = await pinningLines(repo.workDir, config["pinning-risks"]);
  const repeats = await trainRepeats(trainingPlanOf(config), repo, context, {
    sameSeed: config.audit.runs,
    seeds: config.audit.seeds
  });
  return context.log.group("Analysing the audit runs", async () => {
    const options = auditOptionsOf(config, context.env);
    const findings = analyseAudit(repeats.runs, options);
    for (const warning of findings.warnings) context.log.warning(warning);
    const outDir = await createRunOutputDir(context.env);
    for (const run of repeats.runs)
      await writeFileAtomic(
        path.join(outDir, `run-${run.kind}-${run.index}.json`),
        serializeDocument(run.trained.record)
      );
    const report = {
      findings,
      commit: repo.provenance.commit,
      seed: config.seed,
      otherSeeds: repeats.runs.filter((r) => r.kind === "seed").map((r) => r.seed),
      gateLine: describeSigmaGate(options.gate, config.audit.seeds + 1),
      wallMs: performance.now() - started,
      trainingMs: repeats.trainingMs,
      environmentLines: [...interpreterLines(repeats.runs[0].environment), ...pinning]
    };
    const markdown = renderAuditMarkdown(report);
    await writeFileAtomic(path.join(outDir, "report.md"), markdown);
    await writeFileAtomic(path.join(outDir, "audit.json"), JSON.stringify(auditToJson(report), null, 2) + "\n");
    return { exitCode: findings.reached ? EXIT_PASS : EXIT_DRIFT, findings, report, markdown, outDir };
  });
}
function interpreterLines(environment) {
  const interpreter = environment.interpreter;
  if (!interpreter) return [];
  const facts = Object.entries(environment.frameworks ?? {}).filter(([, v]) => v !== "not installed").map(([k, v]) => `${k} ${v}`);
  return [
    `Python ${environment.python ?? "not found"}: ${interpreter.executable ?? interpreter.command} (chosen by ${interpreter.chosenBy === "PATH" ? "python3 on PATH" : interpreter.chosenBy})${interpreter.problem ? ` \u2014 ${interpreter.problem}` : ""}`,
    ...facts.length > 0 ? [facts.join("; ")] : [],
    ...environment.gpu ? [
      `GPU: ${environment.gpu.devices.map((d) => d.name).join(", ") || "none visible"}, driver ${environment.gpu.driver}, CUDA ${environment.gpu.cuda}`
    ] : []
  ];
}

export {
  analyseAudit,
  trainRepeats,
  auditOptionsOf,
  runAudit
};
