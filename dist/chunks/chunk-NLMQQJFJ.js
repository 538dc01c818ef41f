import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  NoMetricFileError,
  collectRunMetrics
} from "./chunk-RY7XRNUJ.js";
import {
  UNCLEAN_TREE_NOTE
} from "./chunk-557MTL2E.js";
import {
  resolveProvenance
} from "./chunk-7WTKOJ3K.js";
import {
  openRepo
} from "./chunk-PPS5OZDR.js";
import {
  encodeMetricData
} from "./chunk-F2T6RF3N.js";
import {
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION
} from "./chunk-AEMQQA4S.js";
import {
  chooseInterpreter,
  collectEnvironment,
  execText,
  probePython
} from "./chunk-AV5HAPW5.js";
import {
  trainingFailure
} from "./chunk-IMLL2YKW.js";
import {
  processFailed
} from "./chunk-U24SNM4K.js";
import {
  runProcess
} from "./chunk-KUD2POCN.js";
import {
  toPosixPath
} from "./chunk-L43LQIL3.js";
import {
  childEnvironment
} from "./chunk-XU3WJNQF.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/repo-state.ts
init_define_REPRO_CHART_LIBRARY();
import path2 from "node:path";

// src/git/clean-tree.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
var LISTED_PATHS = 20;
async function assertCleanTree(repo, ignore = () => false) {
  const offending = await uncleanPaths(repo, ignore);
  if (offending.length === 0) return;
  const listed = offending.slice(0, LISTED_PATHS).map((entry) => `  ${entry.code} ${entry.path}`);
  if (offending.length > LISTED_PATHS) listed.push(`  \u2026 and ${offending.length - LISTED_PATHS} more`);
  throw new ReproError(
    `The working tree of ${repo.root} is not clean (${offending.length} path${offending.length === 1 ? "" : "s"}):
${listed.join("\n")}`,
    {
      hint: "repro-check trains committed code only, so that a result can be traced to a commit: commit these changes, stash them (git stash --include-untracked), or add generated files to .gitignore."
    }
  );
}
async function uncleanPaths(repo, ignore = () => false) {
  const output = await repo.run([
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--ignore-submodules=none"
  ]);
  return parsePorcelain(output).filter((entry) => !ignore(entry.path));
}
async function uncleanTreeHash(repo, entries) {
  const hash = createHash("sha256");
  hash.update(await repo.run(["diff", "--binary", "--no-ext-diff", "HEAD"]));
  for (const entry of entries.filter((e) => e.code === "??").sort((a, b) => a.path < b.path ? -1 : 1)) {
    hash.update(`\0untracked ${entry.path}\0`);
    hash.update(await readFile(path.join(repo.root, entry.path)));
  }
  return hash.digest("hex");
}
function parsePorcelain(output) {
  const fields = output.split("\0").filter((f) => f.length > 0);
  const entries = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const code = field.slice(0, 2);
    entries.push({ code: code.replace(/ /g, "."), path: field.slice(3) });
    if (code[0] === "R" || code[0] === "C") i++;
  }
  return entries;
}

// src/git/credentials.ts
init_define_REPRO_CHART_LIBRARY();
async function hasCredentialHeader(repo) {
  const output = await repo.tryRun(["config", "--local", "--includes", "--get-regexp", "^http\\..*\\.extraheader$"]);
  return output !== null && output.trim().length > 0;
}

// src/modes/repo-state.ts
async function prepareRepo(config, context, gate = {}) {
  return context.log.group("Checking the working tree", async () => {
    const repo = await openRepo(context.cwd);
    const repoRoot = repo.root;
    const workDir = path2.resolve(repoRoot, config["working-directory"]);
    if (path2.relative(repoRoot, workDir).startsWith("..")) {
      throw new ReproError(`working-directory "${config["working-directory"]}" is outside the repository ${repoRoot}`, {
        hint: "Give a path inside the repository, relative to its root."
      });
    }
    const provenanceOf = () => resolveProvenance(
      repo,
      context.pullRequest ? {
        headSha: context.pullRequest.headSha,
        baseSha: context.pullRequest.baseSha,
        headRef: context.pullRequest.headRef ?? null
      } : null,
      { ref: context.env.GITHUB_REF, sha: context.env.GITHUB_SHA }
    );
    const [dirty, provenance, credentialHeader] = context.pullRequest ? [await treeGate(repo, gate, context), await provenanceOf(), await hasCredentialHeader(repo)] : await settleInOrder([treeGate(repo, gate, context), provenanceOf(), hasCredentialHeader(repo)]);
    if (credentialHeader) {
      context.log.warning(
        ".git/config holds a credential header (actions/checkout with persist-credentials: true): the training command can read that token. Set `persist-credentials: false` on actions/checkout."
      );
    }
    context.log.info(
      `Training commit ${provenance.commit}${provenance.ref ? ` (${provenance.ref})` : " (detached HEAD)"}${provenance.shallow ? ", shallow clone" : ""}`
    );
    return { repo, repoRoot, workDir, provenance, dirty };
  });
}
async function treeGate(repo, gate, context) {
  if (!gate.allowDirty) {
    await assertCleanTree(repo, gate.ignore);
    return null;
  }
  const unclean = await uncleanPaths(repo, gate.ignore);
  if (unclean.length === 0) return null;
  context.log.warning(
    `${UNCLEAN_TREE_NOTE}: training ${unclean.length} uncommitted path${unclean.length === 1 ? "" : "s"} (--allow-dirty).`
  );
  return { paths: unclean.map((e) => e.path), diffSha256: await uncleanTreeHash(repo, unclean) };
}
async function settleInOrder(promises) {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => s.value);
}
function repoRelative(state, fileInWorkDir) {
  return toPosixPath(path2.relative(state.repoRoot, path2.resolve(state.workDir, fileInWorkDir)));
}

// src/modes/run-environment.ts
init_define_REPRO_CHART_LIBRARY();
function fingerprintEnvironment(plan, context) {
  return childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir: "" });
}
function interpreterOf(plan) {
  return chooseInterpreter(plan.job.kind === "command" ? plan.job.command : void 0, plan.python);
}
function collectRunEnvironment(plan, repo, context, python) {
  return collectEnvironment({
    cwd: repo.workDir,
    fingerprintPaths: plan.fingerprintPaths,
    env: fingerprintEnvironment(plan, context),
    exec: execText,
    interpreter: interpreterOf(plan),
    ...python ? { python } : {}
  });
}
function startPythonProbe(plan, repo, context) {
  const interpreter = interpreterOf(plan);
  const { RUNNER_TRACKING_ID: _ownedByTheJob, ...env } = fingerprintEnvironment(plan, context);
  return { interpreter, facts: probePython(interpreter, { cwd: repo.workDir, env }) };
}

// src/modes/train.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash as createHash3, randomBytes as randomBytes2 } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path5 from "node:path";
import os from "node:os";

// src/modes/training-guard.ts
init_define_REPRO_CHART_LIBRARY();
import { randomBytes } from "node:crypto";

// src/proc/isolation.ts
init_define_REPRO_CHART_LIBRARY();
var INIT_SHIM = ["bash", "-c", 'exec 3>&2 2>/dev/null; "$@" 2>&3 3>&-; exit $?', "repro-check-init"];
var UNSHARE_FLAGS = ["--pid", "--fork", "--mount-proc", "--kill-child"];
var CANDIDATES = [
  { prefix: ["unshare", ...UNSHARE_FLAGS, "--"], detail: "unshare --pid --mount-proc" },
  {
    prefix: ["unshare", "--map-current-user", ...UNSHARE_FLAGS, "--"],
    detail: "unshare --map-current-user --pid --mount-proc (user namespace)"
  },
  {
    prefix: ["bwrap", "--dev-bind", "/", "/", "--unshare-pid", "--proc", "/proc", "--die-with-parent", "--"],
    detail: "bwrap --unshare-pid"
  }
];
var NO_ISOLATION = { kind: "none", prefix: [], detail: "turned off (isolation: none)" };
async function detectIsolation(env, cwd) {
  if (process.platform !== "linux")
    return { kind: "none", prefix: [], detail: `no PID namespaces on ${process.platform}` };
  for (const candidate of CANDIDATES) {
    const prefix = [...candidate.prefix, ...INIT_SHIM];
    const probe = await runProcess({
      argv: [...prefix, "bash", "-c", 'ls /proc | grep -c "^[0-9]"'],
      cwd,
      env,
      timeoutMs: 1e4
    }).catch(() => null);
    if (probe?.exitCode === 0 && Number(probe.outputTail.at(-1)) <= 4)
      return { kind: "pid-namespace", prefix, detail: candidate.detail };
  }
  return {
    kind: "none",
    prefix: [],
    detail: "no PID namespace could be made without privileges here (unshare and bwrap missing or refused: user namespaces may be off)"
  };
}

// src/proc/runner-files.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash as createHash2 } from "node:crypto";
import { readdir, readFile as readFile2, rm, writeFile } from "node:fs/promises";
import path3 from "node:path";
var RUNNER_FILE_VARIABLES = [
  "GITHUB_OUTPUT",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
];
var RUNNER_FILE_COMMANDS_DIR = "_runner_file_commands";
var sha256 = (content) => createHash2("sha256").update(content).digest("hex");
async function readOrNull(file) {
  try {
    return await readFile2(file);
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "EISDIR")
      return null;
    throw error;
  }
}
async function listFolder(dir) {
  if (dir === null) return [];
  try {
    return (await readdir(dir)).map((name) => path3.join(dir, name));
  } catch {
    return [];
  }
}
async function snapshotRunnerFiles(env) {
  const recorded = /* @__PURE__ */ new Map();
  for (const variable of RUNNER_FILE_VARIABLES) {
    const file = env[variable];
    if (!file) continue;
    const content = await readOrNull(file);
    recorded.set(path3.resolve(file), { variable, content, sha256: content && sha256(content) });
  }
  const folder = env.RUNNER_TEMP ? path3.join(env.RUNNER_TEMP, RUNNER_FILE_COMMANDS_DIR) : null;
  for (const file of await listFolder(folder)) {
    if (recorded.has(file)) continue;
    const content = await readOrNull(file);
    if (content !== null) recorded.set(file, { variable: null, content, sha256: sha256(content) });
  }
  return {
    async restoreChanged() {
      const changes = [];
      for (const [file, before] of recorded) {
        const now = await readOrNull(file);
        if (now === null && before.content === null) continue;
        if (now !== null && before.sha256 === sha256(now)) continue;
        if (before.content === null) {
          await rm(file, { force: true });
          changes.push({ file, variable: before.variable, what: `created (${now.length} bytes); removed` });
        } else {
          await writeFile(file, before.content);
          changes.push({
            file,
            variable: before.variable,
            what: now === null ? "deleted; restored" : `changed (${before.content.length} bytes -> ${now.length} bytes); restored`
          });
        }
      }
      for (const file of await listFolder(folder)) {
        if (recorded.has(file)) continue;
        const content = await readOrNull(file);
        if (content === null) continue;
        await rm(file, { force: true });
        changes.push({ file, variable: null, what: `created (${content.length} bytes); removed` });
      }
      return changes;
    }
  };
}

// src/proc/escaped-processes.ts
init_define_REPRO_CHART_LIBRARY();
import { readFileSync } from "node:fs";
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import path4 from "node:path";
var TRAINING_MARKER_VARIABLE = "REPRO_CHECK_TRAINING";
var CLOCK_TICKS_PER_SECOND = 100;
function startTimeTicks(stat) {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const value = Number(fields[19]);
  return Number.isFinite(value) ? value : null;
}
function isEscaped(facts, search) {
  if (search.excludePids.includes(facts.pid)) return null;
  const state = facts.stat.slice(facts.stat.lastIndexOf(")") + 2, facts.stat.lastIndexOf(")") + 3);
  if (state === "Z" || state === "X") return null;
  const variables = facts.environ.split("\0");
  const command = facts.cmdline.split("\0").filter(Boolean).join(" ").slice(0, 200);
  if (variables.includes(`${TRAINING_MARKER_VARIABLE}=${search.marker}`))
    return { pid: facts.pid, command, foundBy: TRAINING_MARKER_VARIABLE };
  if (search.trackingId && variables.includes(`RUNNER_TRACKING_ID=${search.trackingId}`)) {
    const started = startTimeTicks(facts.stat);
    if (started !== null && started >= search.startedAtTicks)
      return { pid: facts.pid, command, foundBy: "RUNNER_TRACKING_ID" };
  }
  return null;
}
async function ticksSinceBoot(procRoot = "/proc") {
  const uptime = Number((await readFile3(`${procRoot}/uptime`, "utf8")).split(" ")[0]);
  return Math.floor(uptime * CLOCK_TICKS_PER_SECOND);
}
async function findEscapedProcesses(search, procRoot = "/proc") {
  let names;
  try {
    names = await readdir2(procRoot);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [environ, cmdline, stat] = await Promise.all(
        ["environ", "cmdline", "stat"].map((part) => readFile3(`${procRoot}/${name}/${part}`, "latin1"))
      );
      const escaped = isEscaped({ pid: Number(name), environ, cmdline, stat }, search);
      if (escaped) found.push(escaped);
    } catch {
    }
  }
  return found;
}
async function killProcesses(processes, waitMs = 3e3, procRoot = "/proc") {
  const killed = [];
  for (const { pid } of processes) {
    try {
      process.kill(pid, "SIGKILL");
      killed.push(pid);
    } catch {
    }
  }
  const deadline = Date.now() + waitMs;
  while (killed.some((pid) => isAlive(pid, procRoot)) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return killed;
}
function isAlive(pid, procRoot) {
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(path4.join(procRoot, String(pid), "stat"), "utf8"));
  } catch {
    return false;
  }
}
async function selfAndAncestors(procRoot = "/proc") {
  const pids = [process.pid];
  let pid = process.ppid;
  while (pid > 1 && pids.length < 64) {
    pids.push(pid);
    try {
      const stat = await readFile3(`${procRoot}/${pid}/stat`, "utf8");
      pid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      break;
    }
  }
  return pids;
}

// src/modes/training-guard.ts
async function guardTraining(context, options, body) {
  const isolation = options.isolation === "none" ? NO_ISOLATION : await detectIsolation(context.env, options.cwd);
  context.log.debug(`training isolation: ${isolation.kind} (${isolation.detail})`);
  const runnerFiles = await snapshotRunnerFiles(context.env);
  const marker = randomBytes(12).toString("hex");
  const search = {
    marker,
    trackingId: context.env.RUNNER_TRACKING_ID || void 0,
    startedAtTicks: await ticksSinceBoot().catch(() => 0),
    excludePids: await selfAndAncestors().catch(() => [process.pid])
  };
  let outcome = { ok: false, error: null };
  let escaped = [];
  let killed = false;
  let changes = [];
  await context.log.group(options.name, async () => {
    context.trainingOutput.begin();
    try {
      outcome = {
        ok: true,
        value: await body({ wrapper: isolation.prefix, markerEnv: { [TRAINING_MARKER_VARIABLE]: marker } })
      };
    } catch (error) {
      outcome = { ok: false, error };
    }
    try {
      escaped = await findLeftovers(search);
      if (escaped.length > 0 && options.killEscaped) {
        await killProcesses(escaped);
        killed = true;
      }
      changes = await runnerFiles.restoreChanged();
    } finally {
      context.trainingOutput.end();
    }
    if (escaped.length > 0) context.log.warning(escapedMessage(escaped, killed));
  });
  if (changes.length > 0) {
    throw new ReproError(
      `security: the training changed the runner's command files, through which a step sets outputs and environment variables for later steps:
${changes.map((c) => `  ${c.file}${c.variable ? ` (${c.variable})` : ""}: ${c.what}`).join("\n")}`,
      {
        hint: "The files were put back as they were before the training. A training must not write to them; see docs/security.md."
      }
    );
  }
  if (!outcome.ok) throw outcome.error;
  return { result: outcome.value, isolation, escaped, killed };
}
async function findLeftovers(search) {
  const first = await findEscapedProcesses(search);
  if (first.length === 0) return [];
  await new Promise((resolve) => setTimeout(resolve, 100));
  const again = new Set((await findEscapedProcesses(search)).map((p) => p.pid));
  return first.filter((p) => again.has(p.pid));
}
function escapedMessage(escaped, killed) {
  const list = escaped.slice(0, 10).map((p) => `pid ${p.pid}: ${p.command || "(no command line)"}`);
  if (escaped.length > 10) list.push(`\u2026 and ${escaped.length - 10} more`);
  const one = escaped.length === 1;
  const state = killed ? `${one ? "was" : "were"} still running after it ended and ${one ? "was" : "were"} killed (kill-escaped)` : `${one ? "is" : "are"} still running after it ended (set kill-escaped: true to stop ${one ? "it" : "them"})`;
  return `${escaped.length} process${one ? "" : "es"} started by the training ${state}: ${list.join("; ")}`;
}

// src/modes/run-training.ts
init_define_REPRO_CHART_LIBRARY();
function runTrainingJob(plan, repo, context, outDir) {
  return plan.job.kind === "trainer" ? trainBuiltin(plan, plan.job.trainer, repo, context, outDir) : trainCommand(plan, plan.job.command, repo, context, outDir);
}
async function trainBuiltin(plan, trainer, repo, context, outDir) {
  const { runTrainer, backendFingerprint } = await import("./run-trainer-3RPCFDKQ.js");
  const guarded = await trainingPhase(
    plan,
    repo,
    context,
    `Training with the built-in trainer (${trainer.module})`,
    (launch) => runTrainer({
      module: trainer.module,
      backend: trainer.backend,
      steps: trainer.steps,
      checkpointEvery: trainer["checkpoint-every"],
      seed: plan.seed,
      strictDeterminism: trainer["strict-determinism"],
      installBackend: trainer["install-backend"],
      options: trainer.options,
      outDir,
      cwd: repo.workDir,
      timeoutMs: plan.timeoutMinutes * 6e4,
      env: {
        ...childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir }),
        ...launch.markerEnv
      },
      wrapper: launch.wrapper,
      onOutputLine: (line) => context.trainingOutput.line(line),
      ...context.signal ? { signal: context.signal } : {}
    })
  );
  const result = guarded.result;
  for (const warning of result.warnings) context.log.warning(warning);
  context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
  return {
    guard: guarded,
    checkpoints: result.checkpoints,
    extraEnvironment: backendFingerprint(result.backend),
    warnings: [...result.warnings],
    metricsPath: result.metricsPath
  };
}
async function trainCommand(plan, command, repo, context, outDir) {
  const guarded = await trainingPhase(
    plan,
    repo,
    context,
    `Training: ${command}`,
    (launch) => runProcess({
      shell: command,
      cwd: repo.workDir,
      env: {
        ...childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir }),
        ...launch.markerEnv
      },
      wrapper: launch.wrapper,
      timeoutMs: plan.timeoutMinutes * 6e4,
      onOutputLine: (line) => context.trainingOutput.line(line),
      ...context.signal ? { signal: context.signal } : {}
    })
  );
  const result = guarded.result;
  if (result.startError !== null)
    throw new ReproError(`The training command could not be started: ${result.startError}.`, {
      hint: "Check `command`: put a long command in a script file in the repository and run that script instead."
    });
  if (processFailed(result)) throw trainingFailure("The training command", command, result, plan.timeoutMinutes);
  return { guard: guarded, checkpoints: [], extraEnvironment: {}, warnings: [] };
}
function trainingPhase(plan, repo, context, name, body) {
  return guardTraining(
    context,
    {
      name,
      isolation: plan.isolation,
      killEscaped: plan.killEscaped ?? context.killEscapedByDefault ?? false,
      cwd: repo.workDir
    },
    body
  );
}

// src/modes/train.ts
async function createRunOutputDir(env) {
  const root = env.RUNNER_TEMP ? path5.join(env.RUNNER_TEMP, "repro-check") : path5.join(os.tmpdir(), "repro-check");
  const dir = path5.join(root, `run-${Date.now()}-${randomBytes2(3).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}
function substituteOutDir(pattern, outDir) {
  return pattern.replaceAll("{out}", outDir);
}
function settingsHash(plan) {
  const shaping = {
    command: plan.job.kind === "command" ? plan.job.command : null,
    trainer: plan.job.kind === "trainer" ? plan.job.trainer : null,
    seed: plan.seed,
    determinismEnv: plan.determinismEnv
  };
  return createHash3("sha256").update(JSON.stringify(shaping)).digest("hex");
}
async function trainAndRecord(plan, repo, context, environment) {
  environment ??= await collectRunEnvironment(plan, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const warnings = [];
  const trained = await runTrainingJob(plan, repo, context, outDir);
  warnings.push(...trained.warnings);
  if (trained.guard.escaped.length > 0) warnings.push(escapedMessage(trained.guard.escaped, trained.guard.killed));
  const metricsSpec = plan.job.metrics ?? trained.metricsPath;
  const { data, files } = await readRunMetrics(plan, metricsSpec, repo, outDir, startedAt);
  const checkpoints = [...trained.checkpoints];
  let merged = null;
  if (plan.checkpoints) {
    const { recordCheckpoints } = await import("./run-checkpoints-F6VBQWPV.js");
    const recorded = await recordCheckpoints(plan.checkpoints, {
      outDir,
      cwd: repo.workDir,
      env: childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismEnv, outDir }),
      timeoutMinutes: plan.timeoutMinutes,
      context,
      guard: async (name, body) => {
        const guarded = await trainingPhase(plan, repo, context, name, body);
        if (guarded.escaped.length > 0) warnings.push(escapedMessage(guarded.escaped, guarded.killed));
        return guarded.result;
      }
    });
    warnings.push(...recorded.warnings);
    checkpoints.push(...recorded.checkpoints);
    merged = recorded.merged;
    for (const [name, value] of recorded.finals) data.finals.set(name, value);
  }
  environment = { ...environment, extra: { ...environment.extra, ...trained.extraEnvironment } };
  const job = plan.job;
  const provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: repo.dirty !== null,
    ...repo.dirty ? { dirtyPaths: repo.dirty.paths, diffSha256: repo.dirty.diffSha256 } : {},
    ...job.kind === "command" ? { command: job.command } : {},
    ...job.kind === "trainer" ? {
      trainer: {
        module: job.trainer.module,
        backend: trained.extraEnvironment["tfjs.backend"] ?? job.trainer.backend,
        steps: job.trainer.steps
      }
    } : {},
    seed: plan.seed,
    settingsHash: settingsHash(plan),
    createdAt: startedAt.toISOString()
  };
  const record = {
    kind: RUN_RECORD_KIND,
    schemaVersion: RUN_RECORD_SCHEMA_VERSION,
    provenance,
    environment,
    metrics: encodeMetricData(data),
    ...checkpoints.length > 0 ? { checkpoints } : {},
    ...merged ? { merged } : {},
    runner: {
      label: context.env.RUNNER_NAME ?? null,
      gpuUuids: environment.gpu?.devices.map((d) => d.uuid) ?? [],
      isolation: trained.guard.isolation.kind
    }
  };
  return {
    record,
    data,
    metricFiles: files,
    outDir,
    warnings,
    isolation: { kind: trained.guard.isolation.kind, detail: trained.guard.isolation.detail }
  };
}
async function readRunMetrics(plan, metricsSpec, repo, outDir, startedAt) {
  const resolvedSpec = typeof metricsSpec === "string" ? substituteOutDir(metricsSpec, outDir) : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  return collectRunMetrics(resolvedSpec, {
    baseDir: repo.workDir,
    notBefore: startedAt,
    stepKey: plan.stepKey,
    wallClock: plan.ignoreMetrics
  }).catch((error) => {
    if (!(error instanceof NoMetricFileError)) throw error;
    const written = typeof metricsSpec === "string" ? metricsSpec : metricsSpec[error.prefix];
    throw new ReproError(`The training exited 0 but did not write \`${written}\` (looked for ${error.lookedFor}).`, {
      hint: "Check that the training writes its metrics where `metrics` points ({out} is the per-run folder, REPRO_OUT_DIR in its environment), and that it logged at least once."
    });
  });
}

export {
  prepareRepo,
  repoRelative,
  collectRunEnvironment,
  startPythonProbe,
  createRunOutputDir,
  trainAndRecord
};
