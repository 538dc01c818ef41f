import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  setFailed,
  setOutput,
  summary
} from "./chunk-BZCHYY7N.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/modes/publish.ts
init_define_REPRO_CHART_LIBRARY();
async function publishMode({ inputs, publish, context, event }) {
  const { publishFromArtifact } = await import("./github-publish-YJYMVBCV.js");
  const verdict = await publishFromArtifact(inputs.githubToken, event, publish, context);
  setOutput("status", verdict.outcome);
  await summary.addRaw(verdict.summary).write();
  if (verdict.outcome === "drift" && verdict.failOnDrift || verdict.outcome === "error")
    setFailed(`${verdict.headline ?? verdict.outcome} (the check job's verdict). See the job summary.`);
}
export {
  publishMode
};
