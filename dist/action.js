import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  SettingsError,
  loadSettings
} from "./chunks/chunk-P2I7OJ5M.js";
import {
  acceptanceFinder,
  publishBaselineToGithub,
  publishCheckToGithub
} from "./chunks/chunk-JHNJNOIQ.js";
import "./chunks/chunk-ZCBW5UN4.js";
import "./chunks/chunk-Z2KNO6IU.js";
import "./chunks/chunk-DBEUN44C.js";
import "./chunks/chunk-OV43RJPT.js";
import "./chunks/chunk-HVC52ATB.js";
import {
  configKeys
} from "./chunks/chunk-SKRDZTFF.js";
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunks/chunk-NV534FCQ.js";
import "./chunks/chunk-4NT54M3U.js";
import "./chunks/chunk-OFCAAITS.js";
import "./chunks/chunk-MJO2A4YZ.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunks/chunk-HG225RUB.js";
import {
  EXIT_DRIFT,
  InputFileError,
  ReproError,
  describeError
} from "./chunks/chunk-IVX2EMGP.js";
import "./chunks/chunk-DDDN6DMD.js";
import "./chunks/chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunks/chunk-FCTVIH2T.js";

// src/action.ts
init_define_REPRO_CHART_LIBRARY();
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/action/main.ts
init_define_REPRO_CHART_LIBRARY();

// src/action/job-summary.ts
init_define_REPRO_CHART_LIBRARY();
async function writeJobSummary(build, env) {
  if (!env.GITHUB_STEP_SUMMARY) {
    warning(
      "GITHUB_STEP_SUMMARY is not set, so there is no job summary; the report is in the run folder (report.md, report.html)."
    );
    return;
  }
  try {
    await build(summary).write();
  } catch (error2) {
    warning(`Could not write the job summary: ${describeError(error2)}`);
  } finally {
    summary.emptyBuffer();
  }
}

// src/action/main.ts
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/proc/workflow-commands.ts
init_define_REPRO_CHART_LIBRARY();
import { randomBytes } from "node:crypto";
function protectWorkflowCommands(write, env) {
  if (env.GITHUB_ACTIONS !== "true")
    return { begin: () => void 0, line: (text) => write(`${text}
`), end: () => void 0 };
  let token = null;
  return {
    begin() {
      if (token !== null) return;
      token = randomBytes(16).toString("hex");
      write(`::stop-commands::${token}
`);
    },
    line(text) {
      if (token === null) this.begin();
      write(`${text}
`);
    },
    end() {
      if (token !== null) write(`::${token}::
`);
      token = null;
    }
  };
}

// src/action/inputs.ts
init_define_REPRO_CHART_LIBRARY();
var ACTION_MODES = ["check", "baseline", "publish", "audit", "aggregate"];
function readActionInputs(getInput2) {
  const given = (name) => {
    const value = getInput2(name).trim();
    return value === "" ? null : value;
  };
  const mode = given("mode") ?? "check";
  if (!ACTION_MODES.includes(mode))
    throw new ReproError(`input "mode": "${mode}" is not accepted; accepted: ${ACTION_MODES.join(", ")}`);
  const records = given("records");
  if (mode === "aggregate" && records === null)
    throw new ReproError(
      `input "records": mode aggregate needs a glob of run records, e.g. "records/*/run-record.json" (where actions/download-artifact put the matrix jobs' artifacts)`
    );
  const githubToken = given("github-token") ?? "";
  const overrides = [];
  for (const key of configKeys()) {
    const value = given(key);
    if (value !== null) overrides.push({ key, value, origin: `input "${key}"` });
  }
  const baselineToken = given("baseline-token");
  return {
    config: given("config"),
    mode,
    records,
    githubToken,
    baselineToken: baselineToken ?? githubToken,
    baselineTokenGiven: baselineToken !== null,
    overrides
  };
}

// src/action/core-logger.ts
init_define_REPRO_CHART_LIBRARY();
function coreLogger() {
  return {
    info: (message) => info(message),
    warning: (message, where) => warning(
      message,
      where ? {
        ...where.file ? { file: where.file } : {},
        ...where.line ? { startLine: where.line } : {},
        ...where.title ? { title: where.title } : {}
      } : void 0
    ),
    error: (message) => error(message),
    debug: (message) => debug(message),
    group: (name, body) => group(name, body)
  };
}

// src/action/error-annotations.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var PROBLEM_AT_LINE = /^(.+?):(\d+): (.*)$/s;
function errorAnnotations(error2, workspace) {
  const inWorkspace = (file) => {
    const relative = path.relative(workspace, path.resolve(workspace, file));
    return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? null : relative.split(path.sep).join("/");
  };
  if (error2 instanceof SettingsError) {
    return error2.problems.flatMap((problem) => {
      const match = PROBLEM_AT_LINE.exec(problem);
      const file = match ? inWorkspace(match[1]) : null;
      return match && file ? [{ file, line: Number(match[2]), message: match[3] }] : [];
    });
  }
  if (error2 instanceof InputFileError) {
    const file = inWorkspace(error2.file);
    if (file === null) return [];
    const message = error2.message.slice(error2.message.indexOf(": ") + 2);
    return [{ file, ...error2.line === void 0 ? {} : { line: error2.line }, message }];
  }
  return [];
}

// src/github/event.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
async function readEventContext(env, readText = (p) => readFile(p, "utf8")) {
  const eventPath = env["GITHUB_EVENT_PATH"];
  if (!eventPath) return buildEventContext(env, {});
  let text;
  try {
    text = await readText(eventPath);
  } catch (error2) {
    throw new InputFileError(
      eventPath,
      void 0,
      `cannot read the event payload (GITHUB_EVENT_PATH): ${error2.message}`,
      { cause: error2 }
    );
  }
  return buildEventContext(env, parseEventPayload(text, eventPath));
}
function parseEventPayload(text, eventPath) {
  let payload;
  try {
    payload = JSON.parse(text);
  } catch (error2) {
    throw new InputFileError(
      eventPath,
      void 0,
      `the event payload (GITHUB_EVENT_PATH) is not JSON: ${error2.message}`,
      { cause: error2 }
    );
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
    throw new InputFileError(eventPath, void 0, "the event payload (GITHUB_EVENT_PATH) is not a JSON object");
  }
  return payload;
}
function buildEventContext(env, payload) {
  const eventName = required(env, "GITHUB_EVENT_NAME", "the event name, e.g. pull_request or push");
  const repository = required(env, "GITHUB_REPOSITORY", "owner/repo");
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0)
    throw new ReproError(`GITHUB_REPOSITORY is "${repository}"; expected owner/repo.`);
  const sha = required(env, "GITHUB_SHA", "the 40-character commit SHA the job checked out");
  const serverUrl = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  const runId = env["GITHUB_RUN_ID"] ?? "";
  const runAttempt = Number.parseInt(env["GITHUB_RUN_ATTEMPT"] ?? "1", 10) || 1;
  const payloadRepository = objectAt(payload, "repository");
  const defaultBranch = stringAt(payloadRepository, "default_branch");
  let pr = null;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    pr = pullRequestFacts(payload, env["GITHUB_EVENT_PATH"] ?? "the event payload");
  }
  return {
    eventName,
    repo: { owner, repo },
    sha,
    headSha: pr?.headSha ?? sha,
    baseSha: pr?.baseSha ?? null,
    headRef: pr ? pr.headRef ?? (env["GITHUB_HEAD_REF"] || null) : null,
    prNumber: pr?.number ?? null,
    headRepoFullName: pr?.headRepoFullName ?? null,
    isForkPr: pr !== null && (pr.headRepoFullName === null || pr.headRepoFullName.toLowerCase() !== repository.toLowerCase()),
    labels: pr?.labels ?? [],
    defaultBranch,
    ref: env["GITHUB_REF"] ?? "",
    runUrl: runId ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ""}` : `${serverUrl}/${repository}/actions`,
    runId,
    runAttempt,
    job: env["GITHUB_JOB"] ?? "",
    workflow: env["GITHUB_WORKFLOW"] ?? "",
    actor: env["GITHUB_ACTOR"] || stringAt(objectAt(payload, "sender"), "login") || "",
    serverUrl,
    apiUrl: (env["GITHUB_API_URL"] || "https://api.github.com").replace(/\/+$/, "")
  };
}
function pullRequestFacts(payload, eventPath) {
  const pull = objectAt(payload, "pull_request");
  const head = objectAt(pull, "head");
  const base = objectAt(pull, "base");
  const headSha = stringAt(head, "sha");
  const baseSha = stringAt(base, "sha");
  const number = typeof pull?.["number"] === "number" ? pull["number"] : typeof payload["number"] === "number" ? payload["number"] : null;
  if (!pull || !headSha || !baseSha || number === null) {
    throw new InputFileError(
      eventPath,
      void 0,
      "a pull request event payload without pull_request.number, pull_request.head.sha and pull_request.base.sha",
      {
        hint: "The runner writes this file; if a test or a wrapper wrote it, give it a real pull_request payload."
      }
    );
  }
  const labels = Array.isArray(pull["labels"]) ? pull["labels"].map((label) => stringAt(label, "name")).filter((name) => name !== null) : [];
  return {
    number,
    headSha,
    baseSha,
    headRef: stringAt(head, "ref"),
    headRepoFullName: stringAt(objectAt(head, "repo"), "full_name"),
    labels
  };
}
function required(env, name, what) {
  const value = env[name];
  if (!value)
    throw new ReproError(`${name} is not set (${what}).`, {
      hint: "The GitHub runner sets it; outside Actions use the CLI, or set it yourself."
    });
  return value;
}
function objectAt(value, key) {
  const inner = value?.[key];
  return inner && typeof inner === "object" && !Array.isArray(inner) ? inner : null;
}
function stringAt(value, key) {
  const inner = value?.[key];
  return typeof inner === "string" && inner !== "" ? inner : null;
}

// src/github/trust-policy.ts
init_define_REPRO_CHART_LIBRARY();
function eventForTrainedCommit(ctx, checkedOut) {
  if (ctx.eventName !== "pull_request_target" || checkedOut === null) return { event: ctx, note: null };
  if (checkedOut.sha === ctx.headSha || checkedOut.parents.includes(ctx.headSha)) return { event: ctx, note: null };
  const what = checkedOut.sha === ctx.sha ? "the base branch, what actions/checkout takes by default under pull_request_target" : "neither the pull request's head nor its merge commit";
  return {
    event: { ...ctx, headSha: checkedOut.sha, baseSha: null, headRef: null, prNumber: null },
    note: `pull_request_target: the workspace holds ${checkedOut.sha} (${what}), not pull request #${ctx.prNumber}'s head ${ctx.headSha}. repro-check trains and reports that commit \u2014 its status and check run go on it \u2014 and posts nothing on the pull request: a verdict there on code that did not run would be a false one.`
  };
}
var WORKFLOW_RUN_PATTERN = "To check pull requests from forks safely, use the workflow_run pattern: a `pull_request` job without secrets, on a disposable runner, uploads its run record as an artifact; a separate workflow triggered by `workflow_run` in the base repository downloads it and publishes the result.";
function refuseUnsafeEvent(ctx, options) {
  if (ctx.eventName === "pull_request_target" && !options.allowPullRequestTarget && options.checkedOutSha !== ctx.sha) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} under pull_request_target: that event runs with the base repository's secrets and a write token, so training the PR's code (head ${ctx.headSha}) would hand both to it.`,
      {
        hint: `Run repro-check on \`pull_request\` instead, or set allow-pull-request-target: true only if the runner is disposable and the job holds no secrets. ${WORKFLOW_RUN_PATTERN}`
      }
    );
  }
  if (ctx.isForkPr && !options.allowForkPrs) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} from ${ctx.headRepoFullName ?? "a deleted fork"} (head ${ctx.headSha}): code from a fork would run on this (self-hosted) runner, and the workflow's GITHUB_TOKEN is read-only on fork pull requests.`,
      {
        hint: `Stop fork pull requests at the job level (\`if: github.event.pull_request.head.repo.full_name == github.repository\`), since earlier steps already ran with the fork's code; or set allow-fork-prs: true if the runner is disposable. ${WORKFLOW_RUN_PATTERN}`
      }
    );
  }
}

// src/action/main.ts
var MODES = {
  check: { phase: "checking", run: (r) => checkMode(r.inputs, r.settings, r.configPath, r.context, r.event) },
  baseline: { phase: "updating the baseline", run: (r) => baselineMode(r.inputs, r.settings, r.context, r.event) },
  publish: {
    phase: "publishing the check job's verdict",
    run: (r) => publishMode(r.inputs, r.settings, r.context, r.event)
  },
  audit: { phase: "auditing", run: (r) => auditMode(r.inputs, r.settings, r.context, r.event) },
  aggregate: { phase: "aggregating run records", run: (r) => aggregateMode(r.inputs.records, r.settings, r.context) }
};
async function runAction(env = process.env) {
  const log = coreLogger();
  let phase = "reading the settings";
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  let publishFailure = null;
  try {
    const inputs = readActionInputs((name) => getInput(name));
    const sentEvent = await readEventContext(env);
    const { settings, configPath } = await settingsForAction(inputs, workspace);
    debug(`resolved settings: ${JSON.stringify(settings.config)}`);
    debug(`setting origins: ${JSON.stringify(settings.origins)}`);
    const event = inputs.mode === "publish" ? eventForPublishing(sentEvent) : await eventForTraining(sentEvent, settings, workspace);
    const context = {
      cwd: workspace,
      env,
      log,
      trainingOutput: protectWorkflowCommands((text) => process.stdout.write(text), env),
      pullRequest: event.prNumber !== null && event.baseSha ? { headSha: event.headSha, baseSha: event.baseSha, number: event.prNumber, headRef: event.headRef } : null,
      now: () => /* @__PURE__ */ new Date(),
      // A leftover of the training lives on into the next job on a self-hosted runner, and could write workflow commands.
      killEscapedByDefault: true
    };
    if (inputs.mode !== "baseline") {
      publishFailure = async (message) => {
        const { publishFailureToGithub, uploadFailureVerdict } = await import("./chunks/github-publish-H3KAG26U.js");
        if (inputs.mode === "check" && !inputs.githubToken)
          await uploadFailureVerdict(event, settings, message, context);
        else await publishFailureToGithub(inputs.githubToken, event, settings, message, context);
      };
    }
    const mode = MODES[inputs.mode];
    phase = mode.phase;
    await mode.run({ inputs, settings, configPath, context, event });
  } catch (error2) {
    setOutput("status", "error");
    if (!(error2 instanceof ReproError) && error2 instanceof Error && error2.stack) debug(error2.stack);
    const message = describeError(error2, { stackHint: "Debug logging (ACTIONS_STEP_DEBUG)" });
    for (const annotation of errorAnnotations(error2, workspace)) {
      error(annotation.message, {
        file: annotation.file,
        ...annotation.line === void 0 ? {} : { startLine: annotation.line },
        title: "repro-check"
      });
    }
    await writeJobSummary(
      (summary2) => summary2.addHeading("\u26A0\uFE0F repro-check: could not check", 2).addCodeBlock(message),
      env
    );
    await publishFailure?.(message).catch(
      (publishError) => warning(`Could not publish the failure on GitHub: ${describeError(publishError)}`)
    );
    setFailed(`repro-check failed while ${phase}: ${message}`);
  }
}
async function eventForTraining(sentEvent, settings, workspace) {
  const checkedOut = sentEvent.eventName === "pull_request_target" ? await checkedOutCommit(workspace) : null;
  refuseUnsafeEvent(sentEvent, {
    allowForkPrs: settings.config["allow-fork-prs"],
    allowPullRequestTarget: settings.config["allow-pull-request-target"],
    ...checkedOut ? { checkedOutSha: checkedOut.sha } : {}
  });
  const { event, note: trainedCommitNote } = eventForTrainedCommit(sentEvent, checkedOut);
  if (trainedCommitNote) notice(trainedCommitNote);
  return event;
}
function eventForPublishing(sentEvent) {
  if (sentEvent.eventName === "workflow_run") {
    throw new ReproError(
      "mode: publish posts the verdict of a check job in the same workflow run; under workflow_run (fork pull requests) the other run's verdict is the fork's to write.",
      {
        hint: "For fork PRs use the pattern of example-fork-workflow-run.yml, which compares the run record again with the default branch's baseline (docs/github.md)."
      }
    );
  }
  return sentEvent;
}
async function publishMode(inputs, settings, context, event) {
  const { publishFromArtifact } = await import("./chunks/github-publish-H3KAG26U.js");
  const verdict = await publishFromArtifact(inputs.githubToken, event, settings, context);
  setOutput("status", verdict.outcome);
  await summary.addRaw(verdict.summary).write();
  if (verdict.outcome === "drift" && verdict.failOnDrift || verdict.outcome === "error")
    setFailed(`${verdict.headline ?? verdict.outcome} (the check job's verdict). See the job summary.`);
}
async function checkedOutCommit(workspace) {
  const { openRepo } = await import("./chunks/repo-6EGIHZJK.js");
  const repo = await openRepo(workspace);
  const sha = (await repo.tryRun(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]))?.trim();
  if (!sha) return null;
  const object = await repo.tryRun(["cat-file", "commit", sha]) ?? "";
  const headerEnd = object.indexOf("\n\n");
  const header = headerEnd < 0 ? object : object.slice(0, headerEnd);
  const parents = header.split("\n").filter((line) => line.startsWith("parent ")).map((line) => line.slice("parent ".length).trim());
  return { sha, parents };
}
async function settingsForAction(inputs, workspace) {
  const name = inputs.config ?? "repro.yml";
  const configPath = path2.resolve(workspace, name);
  let text = null;
  try {
    text = await readFile2(configPath, "utf8");
  } catch (error2) {
    if (inputs.config !== null || error2.code !== "ENOENT") {
      throw new ReproError(
        `input "config": cannot read ${name} (${error2.code ?? error2.message})`,
        {
          hint: "Give the path of the settings file relative to the workspace, or leave `config` out and pass the settings as inputs."
        }
      );
    }
  }
  return {
    settings: loadSettings({
      file: text === null ? null : { path: name, text },
      overrides: inputs.overrides,
      trains: inputs.mode !== "publish"
    }),
    configPath: text === null ? null : configPath
  };
}
async function checkMode(inputs, settings, configPath, context, event) {
  const { runCheck } = await import("./chunks/check-A4DENIEF.js");
  const config = settings.config;
  const result = await runCheck(
    {
      settings,
      configPath,
      onMissingBaseline: config["on-missing-baseline"],
      findAcceptance: acceptanceFinder(inputs.githubToken, event, config["accept-label"], context.log),
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
  await writeJobSummary((summary2) => summary2.addRaw(result.markdown), context.env);
  await publishCheckToGithub(inputs.githubToken, event, settings, configPath, result, context);
  if (result.outcome === "drift" && config["fail-on-drift"] && drifted.length === 0 && result.report.weightsDrift) {
    const weights = result.report.weightsDrift;
    setFailed(
      `${weights.cause ? `Drift: ${weights.cause}` : `The final weights differ from the baseline in ${weights.differing} tensors`} (tolerance is exact); every metric is within tolerance. See the job summary.`
    );
  } else if (result.outcome === "drift" && config["fail-on-drift"]) {
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
async function baselineMode(inputs, settings, context, event) {
  const { runBaselineUpdate } = await import("./chunks/baseline-OEBN6DZZ.js");
  const config = settings.config;
  const result = await runBaselineUpdate(settings, context, {
    // docs/github.md: the checkout is never modified; the commit is built in a temporary index.
    keepCheckoutClean: true,
    // The default-branch rule is checked again when publishing (where the remote may be asked);
    // here it refuses before a training whose baseline could not be published anyway.
    beforeTraining: async (branch) => {
      if (config["allow-baseline-from-any-branch"] || !event.defaultBranch || branch === event.defaultBranch) return;
      const { offDefaultBranchError } = await import("./chunks/baseline-update-KILTEZYD.js");
      throw offDefaultBranchError(branch, event.defaultBranch);
    }
  });
  setOutput("status", "pass");
  setOutput("baseline-path", result.baselineRepoPath);
  setOutput("record-path", result.baselinePath);
  await publishBaselineToGithub(inputs, event, settings, result, context);
}
async function auditMode(inputs, settings, context, event) {
  const { runAudit } = await import("./chunks/audit-Y22B2WET.js");
  const config = settings.config;
  const result = await runAudit(settings, context);
  setOutput("status", result.findings.reached ? "pass" : "drift");
  setOutput("level", result.findings.level);
  setOutput("report-path", `${result.outDir}/report.md`);
  await summary.addRaw(result.markdown).write();
  if (inputs.githubToken && (event.eventName === "schedule" || event.eventName === "workflow_dispatch")) {
    await context.log.group("Publishing the audit issue", async () => {
      const [{ createGithubClient }, { publishAuditIssue, staleAuditWarning }] = await Promise.all([
        import("./chunks/client-W2GIGDJB.js"),
        import("./chunks/audit-issue-2IXZ2KSY.js")
      ]);
      const client = createGithubClient({ token: inputs.githubToken, log: context.log });
      try {
        if (config.audit["max-age-days"] !== void 0) {
          const stale = await staleAuditWarning(
            client,
            {
              repo: event.repo,
              workflowRef: context.env.GITHUB_WORKFLOW_REF,
              runId: context.env.GITHUB_RUN_ID,
              maxAgeDays: config.audit["max-age-days"],
              now: context.now()
            },
            context.log
          );
          if (stale) context.log.warning(stale);
        }
        const outcome = await publishAuditIssue(client, {
          repo: event.repo,
          key: config["check-name"],
          reached: result.findings.reached,
          level: result.findings.level,
          expect: result.findings.expect,
          commit: result.report.commit,
          report: result.markdown,
          runUrl: event.runUrl,
          now: context.now()
        });
        context.log.info(
          outcome.action === "none" ? `Audit issue: nothing to do (${outcome.reason})` : `Audit issue #${outcome.number}: ${outcome.action}`
        );
      } catch (error2) {
        context.log.warning(
          `Could not update the audit issue (the token needs issues: write; actions: read for the age check): ${describeError(error2)}`
        );
      }
    });
  }
  if (!result.findings.reached) {
    setFailed(
      `The audit reached the ${result.findings.level} level; ${result.findings.expect} was expected (audit.expect). See the job summary.`
    );
  }
}
async function aggregateMode(records, settings, context) {
  const [
    { expandFileGlob },
    { readAggregateInputs, runAggregate },
    { renderAuditMarkdown },
    { serializeDocument },
    { writeFileAtomic }
  ] = await Promise.all([
    import("./chunks/glob-files-WZDIBY5U.js"),
    import("./chunks/aggregate-IPFQIJD4.js"),
    import("./chunks/audit-33W2AD5J.js"),
    import("./chunks/codec-BWX254FA.js"),
    import("./chunks/atomic-write-ONZ7NEEK.js")
  ]);
  const { files } = await expandFileGlob(context.cwd, records);
  if (files.length < 2)
    throw new ReproError(
      `input "records": "${records}" matches ${files.length} file${files.length === 1 ? "" : "s"} in ${context.cwd}; aggregate needs two or more run records`,
      {
        hint: "Download the matrix jobs' artifacts first (actions/download-artifact with a pattern and path), and point records at their run-record.json files."
      }
    );
  const inputs = await readAggregateInputs(files.map((f) => path2.resolve(context.cwd, f)));
  const result = runAggregate(inputs, settings.config, context.env, context.now().toISOString());
  const baselinePath = path2.resolve(context.cwd, settings.config["working-directory"], settings.config.baseline);
  await writeFileAtomic(baselinePath, serializeDocument(result.baseline));
  const markdown = renderAuditMarkdown(result.report);
  setOutput("status", result.report.findings.reached ? "pass" : "drift");
  setOutput("level", result.report.findings.level);
  setOutput("baseline-path", baselinePath);
  await summary.addRaw(markdown).write();
  if (!result.report.findings.reached)
    setFailed(
      `The ${files.length} run records reach the ${result.report.findings.level} level; ${result.report.findings.expect} was expected (audit.expect). See the job summary.`
    );
}

// src/action.ts
async function run() {
  await runAction();
}
function isExecutedDirectly() {
  const program = process.argv[1];
  if (!program) return false;
  try {
    return realpathSync(program) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
var lastResort = (error2) => {
  if (error2 instanceof Error && error2.stack) debug(error2.stack);
  setFailed(describeError(error2, { stackHint: "Debug logging (ACTIONS_STEP_DEBUG)" }));
  process.exit(1);
};
if (isExecutedDirectly()) {
  process.on("uncaughtException", lastResort);
  process.on("unhandledRejection", lastResort);
  await run().catch(lastResort);
}
export {
  run
};
