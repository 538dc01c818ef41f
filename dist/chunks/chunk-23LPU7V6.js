import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  RUN_RECORD_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  collectRunMetrics,
  encodeMetricData,
  expandFileGlob
} from "./chunk-7D4CQ6O2.js";
import {
  collectEnvironment,
  execText
} from "./chunk-ZAV4N3WG.js";
import {
  runProcess
} from "./chunk-ZZYJDDDA.js";
import {
  fingerprintCheckpoint
} from "./chunk-4XMOUIXN.js";
import {
  ReproError
} from "./chunk-IOLXGZRS.js";

// src/modes/train.ts
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import os from "node:os";

// src/proc/child-env.ts
var RUNNER_COMMAND_FILES = ["GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];
function isDroppedFromChild(name) {
  if (name === "GITHUB_TOKEN" || name.startsWith("INPUT_")) return true;
  if (name.startsWith("ACTIONS_") && (name.includes("TOKEN") || name.endsWith("_URL"))) return true;
  return RUNNER_COMMAND_FILES.includes(name);
}
function childEnvironment(parent, options) {
  const env = {};
  for (const [name, value] of Object.entries(parent)) if (value !== void 0 && !isDroppedFromChild(name)) env[name] = value;
  env.REPRO_SEED = String(options.seed);
  env.PYTHONHASHSEED = String(options.seed);
  env.REPRO_OUT_DIR = options.outDir;
  if (options.determinism) {
    env.CUBLAS_WORKSPACE_CONFIG = ":4096:8";
    env.TF_DETERMINISTIC_OPS = "1";
    env.TF_CUDNN_DETERMINISTIC = "1";
  }
  return env;
}

// src/modes/train.ts
async function createRunOutputDir(env) {
  const root = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, "repro-check") : path.join(os.tmpdir(), "repro-check");
  const dir = path.join(root, `run-${Date.now()}-${randomBytes(3).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  return dir;
}
function substituteOutDir(pattern, outDir) {
  return pattern.replaceAll("{out}", outDir);
}
function settingsHash(config) {
  const shaping = { command: config.command ?? null, trainer: config.trainer ?? null, seed: config.seed, determinismEnv: config["determinism-env"] };
  return createHash("sha256").update(JSON.stringify(shaping)).digest("hex");
}
function collectRunEnvironment(config, repo, context) {
  return collectEnvironment({ cwd: repo.workDir, fingerprintPaths: config["fingerprint-paths"], env: context.env, exec: execText });
}
async function trainAndRecord(config, repo, context, environment) {
  environment ??= await collectRunEnvironment(config, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const timeoutMs = config["timeout-minutes"] * 6e4;
  const checkpoints = [];
  const extraEnvironment = {};
  const warnings = [];
  let metricsSpec;
  if (config.trainer) {
    const { runTrainer, backendFingerprint } = await import("./run-trainer-OML5Z25I.js");
    const result = await trainingPhase(
      context,
      `Training with the built-in trainer (${config.trainer.module})`,
      () => runTrainer({
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
        env: childEnvironment(context.env, { seed: config.seed, determinism: config.trainer["strict-determinism"], outDir }),
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    for (const warning of result.warnings) context.log.warning(warning);
    warnings.push(...result.warnings);
    context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
    Object.assign(extraEnvironment, backendFingerprint(result.backend));
    checkpoints.push(...result.checkpoints);
    metricsSpec = config.metrics ?? result.metricsPath;
  } else {
    const command = config.command;
    const result = await trainingPhase(
      context,
      `Training: ${command}`,
      () => runProcess({
        shell: command,
        cwd: repo.workDir,
        env: childEnvironment(context.env, { seed: config.seed, determinism: config["determinism-env"], outDir }),
        timeoutMs,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...context.signal ? { signal: context.signal } : {}
      })
    );
    if (result.exitCode !== 0 || result.timedOut || result.cancelled) throw trainingFailure("The training command", command, result, config["timeout-minutes"]);
    metricsSpec = config.metrics;
  }
  const resolvedSpec = typeof metricsSpec === "string" ? substituteOutDir(metricsSpec, outDir) : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  const { data, files } = await collectRunMetrics(resolvedSpec, { baseDir: repo.workDir, notBefore: startedAt });
  const checkpointGlob = typeof config.checkpoints === "string" ? config.checkpoints : config.checkpoints?.glob;
  const checkpointPattern = checkpointGlob ? substituteOutDir(checkpointGlob, outDir) : null;
  const checkpointFiles = checkpointPattern ? await checkpointFilesOf(checkpointPattern, repo.workDir) : [];
  if (checkpointPattern && checkpointFiles.length === 0) {
    const unmatched = `checkpoints "${checkpointGlob}" matched no file (looked for ${path.resolve(repo.workDir, checkpointPattern)}); no weights were recorded`;
    context.log.warning(unmatched);
    warnings.push(unmatched);
  }
  for (const file of checkpointFiles) checkpoints.push(await fingerprintCheckpoint(file));
  let merged = null;
  if (typeof config.checkpoints === "object") {
    const { averageAndEvaluate } = await import("./checkpoint-eval-TVAFAGJ6.js");
    const evaluation = await averageAndEvaluate(config.checkpoints, checkpointFiles, {
      outDir,
      cwd: repo.workDir,
      env: childEnvironment(context.env, { seed: config.seed, determinism: config["determinism-env"], outDir }),
      timeoutMinutes: config["timeout-minutes"],
      context
    });
    merged = evaluation.merged;
    for (const [name, value] of evaluation.finals) data.finals.set(name, value);
  }
  environment = { ...environment, extra: { ...environment.extra, ...extraEnvironment } };
  const provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: false,
    ...config.command ? { command: config.command } : {},
    ...config.trainer ? { trainer: { module: config.trainer.module, backend: extraEnvironment["tfjs.backend"] ?? config.trainer.backend, steps: config.trainer.steps } } : {},
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
    runner: { label: context.env.RUNNER_NAME ?? null, gpuUuids: environment.gpu?.devices.map((d) => d.uuid) ?? [] }
  };
  return { record, data, metricFiles: files, outDir, warnings };
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
function trainingPhase(context, name, body) {
  return context.log.group(name, async () => {
    try {
      return await body();
    } finally {
      context.trainingOutput.end();
    }
  });
}
async function checkpointFilesOf(pattern, baseDir) {
  const absolute = path.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? "/" : baseDir, absolute ? pattern.slice(1) : pattern);
  const paths = files.map((relative) => absolute ? `/${relative}` : path.join(baseDir, relative));
  const present = await Promise.all(paths.map((file) => access(file).then(() => true, () => false)));
  return paths.filter((_, i) => present[i]);
}

export {
  createRunOutputDir,
  collectRunEnvironment,
  trainAndRecord,
  trainingFailure
};
