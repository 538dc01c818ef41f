import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  setOutput,
  setSecret
} from "./chunk-BZCHYY7N.js";
import "./chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/modes/baseline.ts
init_define_REPRO_CHART_LIBRARY();

// src/action/publish-baseline.ts
init_define_REPRO_CHART_LIBRARY();
async function publishBaselineToGithub(inputs, event, plan, result, context) {
  await context.log.group(`Publishing the baseline (${plan.baselineUpdate})`, async () => {
    const { uploadRunArtifact } = await import("./artifact-6NADE3JL.js");
    await uploadRunArtifact({
      commentKey: plan.commentKey,
      files: [result.baselinePath, ...result.trained.metricFiles],
      rootDir: result.trained.outDir,
      env: context.env,
      log: context.log
    });
    const { publishBaseline } = await import("./baseline-update-AX4WSQCK.js");
    await publishBaseline(
      // The runner masks the token itself, not its base64 form in the push's auth header.
      { log: context.log, mask: (secret) => setSecret(secret) },
      {
        repoDir: context.env.GITHUB_WORKSPACE ?? context.cwd,
        baselinePath: result.baselineRepoPath,
        content: result.content,
        message: `Update repro-check baseline

Trained at ${result.trained.record.provenance.commit} (seed ${result.trained.record.provenance.seed}) by ${event.runUrl}`,
        strategy: plan.baselineUpdate,
        branch: result.branch,
        defaultBranch: event.defaultBranch,
        allowAnyBranch: plan.allowBaselineFromAnyBranch,
        token: inputs.baselineToken,
        // A PR opened with the workflow token starts no workflows, so we set its status ourselves.
        tokenIsWorkflowToken: !inputs.baselineTokenGiven,
        event,
        checkName: plan.checkName
      }
    );
  });
}

// src/action/modes/baseline.ts
async function baselineMode({ inputs, settings, publish, context, event }) {
  const { runBaselineUpdate } = await import("./baseline-IDZ2DSXH.js");
  const result = await runBaselineUpdate(settings, context, {
    // docs/github.md: the checkout is never modified; the commit is built in a temporary index.
    keepCheckoutClean: true,
    // The default-branch rule is checked again when publishing (where the remote may be asked);
    // here it refuses before a training whose baseline could not be published anyway.
    beforeTraining: async (branch) => {
      if (publish.allowBaselineFromAnyBranch || !event.defaultBranch || branch === event.defaultBranch) return;
      const { offDefaultBranchError } = await import("./baseline-update-errors-MHNTCGLQ.js");
      throw offDefaultBranchError(branch, event.defaultBranch);
    }
  });
  setOutput("status", "pass");
  setOutput("baseline-path", result.baselineRepoPath);
  setOutput("record-path", result.baselinePath);
  await publishBaselineToGithub(inputs, event, publish, result, context);
}
export {
  baselineMode
};
