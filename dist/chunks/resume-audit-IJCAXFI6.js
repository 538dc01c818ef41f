import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  collectRunEnvironment,
  createRunOutputDir,
  prepareRepo,
  trainAndRecord
} from "./chunk-NLMQQJFJ.js";
import {
  compareMetrics
} from "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import {
  TolerancePicker
} from "./chunk-HMN27A7O.js";
import "./chunk-557MTL2E.js";
import "./chunk-RXS57EFW.js";
import "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import "./chunk-F2T6RF3N.js";
import "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import {
  RESUME_FROM_VARIABLE,
  STATE_DIR_VARIABLE,
  STOP_AT_STEP_VARIABLE
} from "./chunk-RJCLVRWB.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import {
  trainingPlanOf
} from "./chunk-VRURZYB3.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import {
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/resume-audit.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
var EXACT = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, "--resume-at (bit for bit)", {});
function analyzeResume(uninterrupted, firstLeg, resumedLeg, resumeAt, ignore) {
  const lastStep = Math.max(
    -Infinity,
    ...[...uninterrupted.series.values()].map((s) => s.steps.length > 0 ? s.steps[s.steps.length - 1] : -Infinity)
  );
  if (!(lastStep > resumeAt))
    throw new ReproError(
      `--resume-at ${resumeAt}: the uninterrupted run logs no step after ${resumeAt} (its last is ${Number.isFinite(lastStep) ? lastStep : "none"}); choose a step before its end`
    );
  assertStoppedAt(firstLeg, resumeAt);
  const tail = stepsAfter(resumedLeg, resumeAt);
  if (tail.series.size === 0) {
    throw new ReproError(`the resumed leg (${RESUME_FROM_VARIABLE} set) logged no step after ${resumeAt}`, {
      hint: `Make the training load the state in ${RESUME_FROM_VARIABLE} and continue from step ${resumeAt + 1}, logging to its metric file as usual; see examples/pytorch-smoke/train.py.`
    });
  }
  const options = { tolerances: EXACT, include: [], ignore };
  const resumed = compareMetrics(stepsAfter(uninterrupted, resumeAt), tail, options);
  const head = stepsUpTo(uninterrupted, resumeAt);
  const firstLegVerdict = compareMetrics(
    { ...head, finals: /* @__PURE__ */ new Map() },
    { ...stepsUpTo(firstLeg, resumeAt), finals: /* @__PURE__ */ new Map() },
    options
  );
  const divergent = resumed.metrics.filter(isDriftedMetric);
  const steps = divergent.map((m) => m.firstDivergentStep).filter((s) => s !== null);
  const firstDivergentStep = steps.length > 0 ? Math.min(...steps) : null;
  const status = divergent.length > 0 || firstLegVerdict.status === "drift" ? "drift" : "pass";
  return {
    status,
    resumeAt,
    firstDivergentStep,
    divergentMetrics: divergent.map((m) => m.name),
    likelyMissingState: status === "pass" ? null : diagnose(firstLegVerdict, firstDivergentStep, resumeAt),
    resumed,
    firstLeg: firstLegVerdict
  };
}
function assertStoppedAt(firstLeg, resumeAt) {
  const pastStop = Math.max(
    -Infinity,
    ...[...firstLeg.series.values()].map((s) => s.steps.length > 0 ? s.steps[s.steps.length - 1] : -Infinity)
  );
  if (pastStop > resumeAt) {
    throw new ReproError(
      `the first leg logged step ${pastStop}, past ${STOP_AT_STEP_VARIABLE}=${resumeAt}: the training command does not implement the resume protocol`,
      {
        hint: `Make it stop after step ${STOP_AT_STEP_VARIABLE}, save its full state (model, optimizer, scheduler, step, RNG states) into ${STATE_DIR_VARIABLE} and exit 0; see examples/pytorch-smoke/train.py.`
      }
    );
  }
}
function diagnose(firstLeg, firstDivergentStep, resumeAt) {
  if (firstLeg.status === "drift") {
    return `the first leg already differs from the uninterrupted run at or before step ${resumeAt}: the training is not deterministic even without resuming (run \`repro-check audit\` with same-seed runs first), or it reads ${STOP_AT_STEP_VARIABLE} in a way that changes training`;
  }
  if (firstDivergentStep === null)
    return "only final values differ: state used after the last step (the final evaluation) was not restored";
  if (firstDivergentStep <= resumeAt + 2) {
    return `the first steps after the resume differ (from step ${firstDivergentStep}): state restored at resume is incomplete \u2014 optimizer state (moments, step counts), learning-rate scheduler, or an RNG state (torch CPU/CUDA, numpy, Python random, the data loader's generator) not saved or not restored`;
  }
  return `steps ${resumeAt + 1}\u2013${firstDivergentStep - 1} match, ${firstDivergentStep} differs: state that is used only from time to time was not restored \u2014 the sampler's generator at the next epoch's shuffle, an evaluation or dropout RNG, or a counter (epoch, scheduler step) saved but not read back`;
}
function stepsAfter(data, step) {
  return filterSteps(data, (s) => s > step, true);
}
function stepsUpTo(data, step) {
  return filterSteps(data, (s) => s <= step, false);
}
function filterSteps(data, keep, keepFinals) {
  const series = /* @__PURE__ */ new Map();
  for (const [name, { steps, values }] of data.series) {
    const indices = Array.from(steps).flatMap((s, i) => keep(s) ? [i] : []);
    if (indices.length > 0)
      series.set(name, { steps: indices.map((i) => steps[i]), values: indices.map((i) => values[i]) });
  }
  return { series, finals: keepFinals ? data.finals : /* @__PURE__ */ new Map(), notes: data.notes };
}
async function runResumeAudit(options, context) {
  const planned = trainingPlanOf(options.settings.config);
  const plan = planned.checkpoints ? { ...planned, checkpoints: { ...planned.checkpoints, averageLast: void 0, evalCommand: void 0 } } : planned;
  if (!Number.isSafeInteger(options.resumeAt) || options.resumeAt < 1)
    throw new ReproError(`--resume-at ${options.resumeAt}: expected a step number, 1 or more`);
  const repo = await prepareRepo(options.settings.config, context);
  const environment = await collectRunEnvironment(plan, repo, context);
  const withVariables = (variables) => ({
    ...context,
    env: { ...context.env, ...variables }
  });
  context.log.info("Resume audit: 1 of 3, the uninterrupted run");
  const uninterrupted = await trainAndRecord(plan, repo, context, environment);
  const stateDir = path.join(await createRunOutputDir(context.env), "state");
  await mkdir(stateDir, { recursive: true });
  context.log.info(
    `Resume audit: 2 of 3, the first leg (${STOP_AT_STEP_VARIABLE}=${options.resumeAt}, ${STATE_DIR_VARIABLE}=${stateDir})`
  );
  const firstLeg = await trainAndRecord(
    plan,
    repo,
    withVariables({ [STOP_AT_STEP_VARIABLE]: String(options.resumeAt), [STATE_DIR_VARIABLE]: stateDir }),
    environment
  ).catch(rethrowWithProtocolHint);
  assertStoppedAt(firstLeg.data, options.resumeAt);
  if ((await readdir(stateDir)).length === 0) {
    throw new ReproError(`the first leg saved nothing into ${STATE_DIR_VARIABLE} (${stateDir})`, {
      hint: `Save the full training state there after step ${STOP_AT_STEP_VARIABLE}; see examples/pytorch-smoke/train.py.`
    });
  }
  context.log.info(`Resume audit: 3 of 3, the resumed leg (${RESUME_FROM_VARIABLE}=${stateDir})`);
  const resumedLeg = await trainAndRecord(
    plan,
    repo,
    withVariables({ [RESUME_FROM_VARIABLE]: stateDir }),
    environment
  ).catch(rethrowWithProtocolHint);
  const analysis = analyzeResume(
    uninterrupted.data,
    firstLeg.data,
    resumedLeg.data,
    options.resumeAt,
    plan.ignoreMetrics
  );
  return { analysis, exitCode: analysis.status === "pass" ? EXIT_PASS : EXIT_DRIFT };
}
function rethrowWithProtocolHint(error) {
  if (error instanceof ReproError && !error.hint?.includes(STATE_DIR_VARIABLE)) {
    throw new ReproError(error.message, {
      hint: `${error.hint ? `${error.hint}
` : ""}In a resume audit the command runs with ${STOP_AT_STEP_VARIABLE}/${STATE_DIR_VARIABLE}, then ${RESUME_FROM_VARIABLE}; see examples/pytorch-smoke/train.py.`,
      cause: error
    });
  }
  throw error;
}
export {
  analyzeResume,
  assertStoppedAt,
  runResumeAudit
};
