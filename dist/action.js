import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  SettingsError,
  loadSettings,
  readConfigFile
} from "./chunks/chunk-47OEPHDA.js";
import {
  publishPlanOf
} from "./chunks/chunk-VRURZYB3.js";
import {
  writeJobSummary
} from "./chunks/chunk-2MSSXWFY.js";
import "./chunks/chunk-ZCBW5UN4.js";
import {
  repoPathWithin
} from "./chunks/chunk-L43LQIL3.js";
import "./chunks/chunk-MJO2A4YZ.js";
import {
  configKeys
} from "./chunks/chunk-7WBBLXUB.js";
import "./chunks/chunk-OFCAAITS.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  warning
} from "./chunks/chunk-BZCHYY7N.js";
import {
  InputFileError,
  ReproError,
  describeError
} from "./chunks/chunk-IVX2EMGP.js";
import "./chunks/chunk-DDDN6DMD.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunks/chunk-FCTVIH2T.js";

// src/action.ts
init_define_REPRO_CHART_LIBRARY();
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/action/main.ts
init_define_REPRO_CHART_LIBRARY();

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
  const recordArtifacts = given("record-artifacts");
  if (mode === "aggregate" && records === null && recordArtifacts === null)
    throw new ReproError(
      'input "records" or "record-artifacts": mode aggregate needs run records: record-artifacts, the names the matrix jobs uploaded them under (e.g. "repro-record-*"), or records, a glob of files (e.g. "records/*/run-record.json", where actions/download-artifact put them)'
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
    recordArtifacts,
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
var PROBLEM_AT_LINE = /^(.+?):(\d+): (.*)$/s;
function errorAnnotations(error2, workspace) {
  const inWorkspace = (file) => repoPathWithin(workspace, file);
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
  check: { phase: "checking", run: async (r) => (await import("./chunks/check-RSL3TVIC.js")).checkMode(r) },
  baseline: { phase: "updating the baseline", run: async (r) => (await import("./chunks/baseline-PBOCATGG.js")).baselineMode(r) },
  publish: {
    phase: "publishing the check job's verdict",
    run: async (r) => (await import("./chunks/publish-CLYK7MDC.js")).publishMode(r)
  },
  audit: { phase: "auditing", run: async (r) => (await import("./chunks/audit-MMRMLDFG.js")).auditMode(r) },
  aggregate: {
    phase: "aggregating run records",
    run: async (r) => (await import("./chunks/aggregate-VZMC33C3.js")).aggregateMode(r)
  }
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
    const publish = publishPlanOf(settings.config, sentEvent.job);
    const event = inputs.mode === "publish" ? eventForPublishing(sentEvent) : await eventForTraining(sentEvent, publish, workspace);
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
        const { publishFailureToGithub, uploadFailureVerdict } = await import("./chunks/publish-failure-NJY4JMKO.js");
        if (inputs.mode === "check" && !inputs.githubToken)
          await uploadFailureVerdict(event, publish, message, context);
        else await publishFailureToGithub(inputs.githubToken, event, publish, message, context);
      };
    }
    const mode = MODES[inputs.mode];
    phase = mode.phase;
    await mode.run({ inputs, settings, publish, configPath, context, event });
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
      (summary) => summary.addHeading("\u26A0\uFE0F repro-check: could not check", 2).addCodeBlock(message),
      env
    );
    await publishFailure?.(message).catch(
      (publishError) => warning(`Could not publish the failure on GitHub: ${describeError(publishError)}`)
    );
    setFailed(`repro-check failed while ${phase}: ${message}`);
  }
}
async function eventForTraining(sentEvent, publish, workspace) {
  const checkedOut = sentEvent.eventName === "pull_request_target" ? await checkedOutCommitOf(workspace) : null;
  refuseUnsafeEvent(sentEvent, {
    allowForkPrs: publish.allowForkPrs,
    allowPullRequestTarget: publish.allowPullRequestTarget,
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
async function settingsForAction(inputs, workspace) {
  const file = await readConfigFile({
    dir: workspace,
    name: inputs.config ?? "repro.yml",
    given: inputs.config !== null,
    label: 'input "config"',
    hint: "Give the path of the settings file relative to the workspace, or leave `config` out and pass the settings as inputs."
  });
  return {
    settings: loadSettings({ file, overrides: inputs.overrides, trains: inputs.mode !== "publish" }),
    configPath: file?.absolutePath ?? null
  };
}
async function checkedOutCommitOf(workspace) {
  const [{ openRepo }, { checkedOutCommit }] = await Promise.all([
    import("./chunks/repo-UJMXJ7IB.js"),
    import("./chunks/provenance-DR2XCELF.js")
  ]);
  return checkedOutCommit(await openRepo(workspace));
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
