import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/write-failure.ts
init_define_REPRO_CHART_LIBRARY();
var WRITE_PERMISSIONS = {
  "commit status": "statuses: write",
  "check run": "checks: write",
  "PR comment": "pull-requests: write"
};
function httpStatusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function isTransient(error) {
  const status = httpStatusOf(error);
  return status === void 0 || status >= 500;
}
function describeWriteFailure(write, error, context) {
  const status = httpStatusOf(error);
  const githubMessage = error?.message?.split("\n")[0] ?? String(error);
  const what = `Could not write the ${write} (${status === void 0 ? "no HTTP answer" : `HTTP ${status}`}: ${githubMessage}).`;
  return `${what} ${remedy(write, status, githubMessage, context)}`;
}
function remedy(write, status, githubMessage, context) {
  const permission = WRITE_PERMISSIONS[write];
  if (status === 401) return "The token was refused: check the github-token input.";
  if ((status === 403 || status === 429) && /rate limit/i.test(githubMessage))
    return "GitHub's rate limit held after retries; a re-run will publish the result.";
  if (status === 403 || status === 404) {
    const fork = context.isForkPr ? " On a pull request from a fork the workflow GITHUB_TOKEN is read-only whatever `permissions:` says; publish from a trusted `workflow_run` workflow instead." : "";
    const hidden = status === 404 ? " (GitHub answers 404 when the token may not see the resource)" : "";
    return `The token needs \`${permission}\`${hidden}: add it under \`permissions:\` in the job.${fork}`;
  }
  if (status === 422) return "GitHub refused the request as invalid; please report this with the run log.";
  return "GitHub did not accept it after retries; the verdict above stands, and a re-run will publish it.";
}

export {
  httpStatusOf,
  isTransient,
  describeWriteFailure
};
