import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  PUBLISHED_VERDICT_FILE,
  encodePublishedVerdict,
  publishVerdict
} from "./chunk-7IAADZVQ.js";
import "./chunk-RXS57EFW.js";
import "./chunk-DBEUN44C.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-L43LQIL3.js";
import "./chunk-TWRLUOLI.js";
import "./chunk-HVC52ATB.js";
import "./chunk-4NT54M3U.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import "./chunk-BZCHYY7N.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import "./chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/publish-failure.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
async function publishFailureToGithub(token, event, plan, message, context) {
  if (!token) return;
  await context.log.group(
    "Publishing the failure to GitHub",
    () => publishVerdict(token, event, plan, failureVerdict(message, event, plan), context)
  );
}
async function uploadFailureVerdict(event, plan, message, context) {
  const [{ uploadRunArtifact }, { writeFileAtomic }] = await Promise.all([
    import("./artifact-6NADE3JL.js"),
    import("./atomic-write-ONZ7NEEK.js")
  ]);
  const dir = await mkdtemp(path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), "repro-check-failure-"));
  const file = path.join(dir, PUBLISHED_VERDICT_FILE);
  await writeFileAtomic(file, encodePublishedVerdict(failureVerdict(message, event, plan)));
  await uploadRunArtifact({
    commentKey: plan.commentKey,
    files: [file],
    rootDir: dir,
    env: context.env,
    log: context.log
  });
}
function failureVerdict(message, event, plan) {
  const body = [
    "### \u26A0\uFE0F repro-check could not check this commit",
    "",
    "```",
    message.length > 2e4 ? `${message.slice(0, 2e4)}
\u2026 (cut; the run log has all of it)` : message,
    "```",
    "",
    `[Run log](${event.runUrl})`
  ].join("\n");
  return {
    outcome: "error",
    failOnDrift: plan.failOnDrift,
    commentBody: body,
    summary: body,
    headline: `Error: ${message.split("\n")[0]}`,
    annotations: []
  };
}
export {
  publishFailureToGithub,
  uploadFailureVerdict
};
