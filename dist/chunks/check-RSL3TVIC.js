import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  acceptanceFinder,
  publishCheckToGithub
} from "./chunk-7IAADZVQ.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import {
  writeJobSummary
} from "./chunk-2MSSXWFY.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-TWRLUOLI.js";
import "./chunk-HVC52ATB.js";
import "./chunk-4NT54M3U.js";
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  notice,
  setFailed,
  setOutput,
  warning
} from "./chunk-BZCHYY7N.js";
import {
  EXIT_DRIFT
} from "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import "./chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/modes/check.ts
init_define_REPRO_CHART_LIBRARY();
async function checkMode({ inputs, settings, publish, configPath, context, event }) {
  const { runCheck } = await import("./check-XSML4K4C.js");
  const config = settings.config;
  const result = await runCheck(
    {
      settings,
      configPath,
      onMissingBaseline: config["on-missing-baseline"],
      findAcceptance: acceptanceFinder(inputs.githubToken, event, publish.acceptLabel, context.log),
      runUrl: event.runUrl
    },
    context
  );
  const drifted = result.verdict?.metrics.filter(isDriftedMetric).map((m) => m.name) ?? [];
  const firstStep = result.verdict && result.outcome !== "pass" ? firstDivergentStepOverall(result.verdict) : null;
  setOutput("status", result.outcome);
  setOutput("drifted-metrics", JSON.stringify(drifted));
  setOutput("report-path", result.reportPath);
  setOutput("record-path", result.recordPath);
  setOutput("first-divergent-step", firstStep === null ? "" : String(firstStep));
  await writeJobSummary((summary) => summary.addRaw(result.markdown), context.env);
  await publishCheckToGithub(inputs.githubToken, event, publish, configPath, result, context);
  if (result.outcome === "drift" && publish.failOnDrift && drifted.length === 0 && result.report.weightsDrift) {
    const weights = result.report.weightsDrift;
    setFailed(
      `${weights.cause ? `Drift: ${weights.cause}` : `The final weights differ from the baseline in ${weights.differing} tensors`} (tolerance is exact); every metric is within tolerance. See the job summary.`
    );
  } else if (result.outcome === "drift" && publish.failOnDrift) {
    setFailed(
      `Drift in ${drifted.length} metric${drifted.length === 1 ? "" : "s"} (${drifted.slice(0, 5).join(", ")}${drifted.length > 5 ? ", \u2026" : ""})${firstStep === null ? "" : `; curves part at step ${firstStep}`}. See the job summary.`
    );
  } else if (result.outcome === "drift") {
    warning("Drift found; fail-on-drift is false, so the step passes.");
  } else if (result.exitCode !== 0 && result.exitCode !== EXIT_DRIFT) {
    setFailed(result.report.message ?? "repro-check could not compare this run.");
  } else if (result.outcome === "no-baseline") {
    notice(
      `No baseline yet at ${result.baselineRepoPath}; the check passes (on-missing-baseline: warn). See the job summary for how to create one.`
    );
  }
}
export {
  checkMode
};
