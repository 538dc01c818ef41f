import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/baseline-update-errors.ts
init_define_REPRO_CHART_LIBRARY();
function offDefaultBranchError(branch, defaultBranch) {
  return new ReproError(
    `mode: baseline ran on branch "${branch}", not on the default branch "${defaultBranch}"; a baseline is published from the default branch only.`,
    {
      hint: `Run the baseline update on ${defaultBranch}, or set the input allow-baseline-from-any-branch: true.`
    }
  );
}
function pushFailure(pushed, branch, remote, strategy) {
  if (pushed.status === "gave-up") {
    return strategy === "commit" ? new ReproError(
      `Could not push the baseline to ${branch} after ${pushed.tries} tries: the branch moved on "${remote}" before each push. Nothing was lost: the checkout is unchanged, and commit ${pushed.sha} in the local repository holds the baseline.`,
      { hint: "Re-run the baseline update when the branch is quieter, or use baseline-update: pull-request." }
    ) : new ReproError(
      `Could not push the baseline branch ${branch} after ${pushed.tries} tries: it changed on "${remote}" before each push. Nothing was lost: commit ${pushed.sha} holds the baseline locally.`
    );
  }
  const remoteLines = pushed.output.stderr.split("\n").filter((line) => line.startsWith("remote:") || line.startsWith("error:") || line.startsWith("fatal:")).slice(0, 6).join("\n");
  const kept = `Nothing was lost: commit ${pushed.sha} in the local repository holds the baseline.`;
  if (pushed.outcome === "protected") {
    return new ReproError(
      `The push of the baseline to ${branch} was refused by its branch protection or a ruleset:
${remoteLines}
${kept}`,
      {
        hint: strategy === "commit" ? `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT the protection lets through), or set baseline-update: pull-request to propose the baseline as a PR.` : `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT), or exempt the repro-check/* branches from the ruleset.`
      }
    );
  }
  return new ReproError(
    `git push of the baseline to ${branch} failed (exit ${pushed.output.exitCode}):
${remoteLines || pushed.output.stderr.trim()}
${kept}`,
    {
      hint: "The token needs `contents: write` under the job's `permissions:` (or pass baseline-token)."
    }
  );
}

export {
  offDefaultBranchError,
  pushFailure
};
