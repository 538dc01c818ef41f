import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  NoMetricFileError,
  collectRunMetrics
} from "./chunk-W42YVMJW.js";
import {
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  encodeMetricData
} from "./chunk-UXIL344N.js";
import {
  expandFileGlob
} from "./chunk-GT4JQZCA.js";
import {
  chooseInterpreter,
  collectEnvironment,
  execText
} from "./chunk-U7ABJGOV.js";
import {
  fingerprintCheckpoint
} from "./chunk-7BVDV4S2.js";
import {
  runProcess
} from "./chunk-7BHKTXGZ.js";
import {
  childEnvironment
} from "./chunk-XU3WJNQF.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/train.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import path3 from "node:path";
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
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
var RUNNER_FILE_VARIABLES = [
  "GITHUB_OUTPUT",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
];
var RUNNER_FILE_COMMANDS_DIR = "_runner_file_commands";
var sha256 = (content) => createHash("sha256").update(content).digest("hex");
async function readOrNull(file) {
  try {
    return await readFile(file);
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "EISDIR")
      return null;
    throw error;
  }
}
async function listFolder(dir) {
  if (dir === null) return [];
  try {
    return (await readdir(dir)).map((name) => path.join(dir, name));
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
    recorded.set(path.resolve(file), { variable, content, sha256: content && sha256(content) });
  }
  const folder = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, RUNNER_FILE_COMMANDS_DIR) : null;
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
import { readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
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
  const uptime = Number((await readFile2(`${procRoot}/uptime`, "utf8")).split(" ")[0]);
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
        ["environ", "cmdline", "stat"].map((part) => readFile2(`${procRoot}/${name}/${part}`, "latin1"))
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
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(path2.join(procRoot, String(pid), "stat"), "utf8"));
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
      const stat = await readFile2(`${procRoot}/${pid}/stat`, "utf8");
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

// src/modes/train.ts
async function createRunOutputDir(env) {
  const root = env.RUNNER_TEMP ? path3.join(env.RUNNER_TEMP, "repro-check") : path3.join(os.tmpdir(), "repro-check");
  const dir = path3.join(root, `run-${Date.now()}-${randomBytes2(3).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}
function substituteOutDir(pattern, outDir) {
  return pattern.replaceAll("{out}", outDir);
}
function settingsHash(config) {
  const shaping = {
    command: config.command ?? null,
    trainer: config.trainer ?? null,
    seed: config.seed,
    determinismEnv: config["determinism-env"]
  };
  return createHash2("sha256").update(JSON.stringify(shaping)).digest("hex");
}
function collectRunEnvironment(config, repo, context, reusePython) {
  return collectEnvironment({
    cwd: repo.workDir,
    fingerprintPaths: config["fingerprint-paths"],
    env: childEnvironment(context.env, {
      seed: config.seed,
      determinism: config.trainer ? config.trainer["strict-determinism"] : config["determinism-env"],
      outDir: ""
    }),
    exec: execText,
    interpreter: chooseInterpreter(config.command, config.python),
    ...reusePython ? { reusePython } : {}
  });
}
async function trainAndRecord(config, repo, context, environment) {
  environment ??= await collectRunEnvironment(config, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const timeoutMs = config["timeout-minutes"] * 6e4;
  const checkpoints = [];
  const extraEnvironment = {};
  const warnings = [];
  let guard;
  let metricsSpec;
  if (config.trainer) {
    const { runTrainer, backendFingerprint } = await import("./run-trainer-L2KVBTJZ.js");
    const guarded = await trainingPhase(
      config,
      repo,
      context,
      `Training with the built-in trainer (${config.trainer.module})`,
      (launch) => runTrainer({
        module: config.trainer.module,
        backend: config.trainer.backend,
        steps: config.trainer.steps,
        checkpointEvery: config.trainer["checkpoint-every"],
        seed: config.seed,
        strictDeterminism: config.trainer["strict-determinism"],
        installBackend: config.trainer["install-backend"],
        options: config.trainer.options,
        outDir,
        cwd: repo.workDir,
        timeoutMs,
        // The trainer's TensorFlow switches follow trainer.strict-determinism, not determinism-env.
        env: {
          ...childEnvironment(context.env, {
            seed: config.seed,
            determinism: config.trainer["strict-determinism"],
            outDir
          }),
          ...launch.markerEnv
        },
        wrapper: launch.wrapper,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    guard = guarded;
    const result = guarded.result;
    for (const warning of result.warnings) context.log.warning(warning);
    warnings.push(...result.warnings);
    context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
    Object.assign(extraEnvironment, backendFingerprint(result.backend));
    checkpoints.push(...result.checkpoints);
    metricsSpec = config.metrics ?? result.metricsPath;
  } else {
    const command = config.command;
    const guarded = await trainingPhase(
      config,
      repo,
      context,
      `Training: ${command}`,
      (launch) => runProcess({
        shell: command,
        cwd: repo.workDir,
        env: {
          ...childEnvironment(context.env, { seed: config.seed, determinism: config["determinism-env"], outDir }),
          ...launch.markerEnv
        },
        wrapper: launch.wrapper,
        timeoutMs,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    guard = guarded;
    const result = guarded.result;
    if (result.startError !== null)
      throw new ReproError(`The training command could not be started: ${result.startError}.`, {
        hint: "Check `command`: put a long command in a script file in the repository and run that script instead."
      });
    if (result.exitCode !== 0 || result.timedOut || result.cancelled)
      throw trainingFailure("The training command", command, result, config["timeout-minutes"]);
    metricsSpec = config.metrics;
  }
  if (guard.escaped.length > 0) warnings.push(escapedMessage(guard.escaped, guard.killed));
  const resolvedSpec = typeof metricsSpec === "string" ? substituteOutDir(metricsSpec, outDir) : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  const { data, files } = await collectRunMetrics(resolvedSpec, {
    baseDir: repo.workDir,
    notBefore: startedAt,
    stepKey: config["step-key"],
    wallClock: config["ignore-metrics"]
  }).catch((error) => {
    if (!(error instanceof NoMetricFileError)) throw error;
    const written = typeof metricsSpec === "string" ? metricsSpec : metricsSpec[error.prefix];
    throw new ReproError(`The training exited 0 but did not write \`${written}\` (looked for ${error.lookedFor}).`, {
      hint: "Check that the training writes its metrics where `metrics` points ({out} is the per-run folder, REPRO_OUT_DIR in its environment), and that it logged at least once."
    });
  });
  const checkpointGlob = typeof config.checkpoints === "string" ? config.checkpoints : config.checkpoints?.glob;
  const checkpointPattern = checkpointGlob ? substituteOutDir(checkpointGlob, outDir) : null;
  const checkpointFiles = checkpointPattern ? await checkpointFilesOf(checkpointPattern, repo.workDir) : [];
  if (checkpointPattern && checkpointFiles.length === 0) {
    const unmatched = `checkpoints "${checkpointGlob}" matched no file (looked for ${path3.resolve(repo.workDir, checkpointPattern)}); no weights were recorded`;
    context.log.warning(unmatched);
    warnings.push(unmatched);
  }
  for (const file of checkpointFiles) checkpoints.push(await fingerprintCheckpoint(file));
  let merged = null;
  if (typeof config.checkpoints === "object") {
    const { averageAndEvaluate } = await import("./checkpoint-eval-3BRRXK5X.js");
    const evaluation = await averageAndEvaluate(config.checkpoints, checkpointFiles, {
      outDir,
      cwd: repo.workDir,
      env: childEnvironment(context.env, { seed: config.seed, determinism: config["determinism-env"], outDir }),
      timeoutMinutes: config["timeout-minutes"],
      context,
      guard: async (name, body) => {
        const guarded = await trainingPhase(config, repo, context, name, body);
        if (guarded.escaped.length > 0) warnings.push(escapedMessage(guarded.escaped, guarded.killed));
        return guarded.result;
      }
    });
    merged = evaluation.merged;
    for (const [name, value] of evaluation.finals) data.finals.set(name, value);
  }
  environment = { ...environment, extra: { ...environment.extra, ...extraEnvironment } };
  const provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: repo.dirty !== null,
    ...repo.dirty ? { dirtyPaths: repo.dirty.paths, diffSha256: repo.dirty.diffSha256 } : {},
    ...config.command ? { command: config.command } : {},
    ...config.trainer ? {
      trainer: {
        module: config.trainer.module,
        backend: extraEnvironment["tfjs.backend"] ?? config.trainer.backend,
        steps: config.trainer.steps
      }
    } : {},
    seed: config.seed,
    settingsHash: settingsHash(config),
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
      isolation: guard.isolation.kind
    }
  };
  return {
    record,
    data,
    metricFiles: files,
    outDir,
    warnings,
    isolation: { kind: guard.isolation.kind, detail: guard.isolation.detail }
  };
}
function trainingFailure(what, subject, result, timeoutMinutes) {
  const stopped = result.timedOut || result.cancelled;
  const why = result.timedOut ? `timed out after ${timeoutMinutes} minutes (timeout-minutes) and was stopped` : result.cancelled ? "was cancelled" : result.exitCode === 127 ? "was not found (exit code 127)" : result.signal ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`;
  const output = result.outputTail.length > 0 ? `Last lines of its output:
${result.outputTail.map((l) => `  ${l}`).join("\n")}` : `It printed nothing before it ${stopped ? "was stopped" : "ended"}.`;
  return new ReproError(`${what} ${why}: ${subject}
${output}`, {
    hint: result.timedOut ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).` : result.cancelled ? "The job was cancelled (or the runner stopped it); its training process group was stopped with it." : "Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training."
  });
}
function trainingPhase(config, repo, context, name, body) {
  return guardTraining(
    context,
    {
      name,
      isolation: config.isolation,
      killEscaped: config["kill-escaped"] ?? context.killEscapedByDefault ?? false,
      cwd: repo.workDir
    },
    body
  );
}
async function checkpointFilesOf(pattern, baseDir) {
  const absolute = path3.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? "/" : baseDir, absolute ? pattern.slice(1) : pattern);
  const paths = files.map((relative) => absolute ? `/${relative}` : path3.join(baseDir, relative));
  const present = await Promise.all(
    paths.map(
      (file) => access(file).then(
        () => true,
        () => false
      )
    )
  );
  return paths.filter((_, i) => present[i]);
}

export {
  createRunOutputDir,
  collectRunEnvironment,
  trainAndRecord,
  trainingFailure
};
