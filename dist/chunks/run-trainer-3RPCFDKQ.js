import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  readResumeRequest
} from "./chunk-RJCLVRWB.js";
import {
  fingerprintCheckpoint
} from "./chunk-BLJRTHI4.js";
import "./chunk-O7PLZ7CT.js";
import {
  outputTailText,
  processEndPhrase,
  processFailed
} from "./chunk-U24SNM4K.js";
import {
  runProcess
} from "./chunk-KUD2POCN.js";
import "./chunk-MJO2A4YZ.js";
import {
  BUILTIN_TRAINERS,
  METRICS_FILE,
  NATIVE_PACKAGES,
  TFJS_VERSION,
  TRAINER_RESULT_FILE,
  checkBackendName,
  resolveNativePackage,
  trainerWorkerArgs
} from "./chunk-2BT66WUO.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-KMS2X7K7.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/trainer/run-trainer.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync } from "node:fs";
import { access as access2, mkdir as mkdir2, readFile, rm as rm2 } from "node:fs/promises";
import path2 from "node:path";
import { fileURLToPath } from "node:url";

// src/trainer/install-backend.ts
init_define_REPRO_CHART_LIBRARY();
import { constants } from "node:fs";
import { access, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
var LOCK_STALE_MS = 30 * 6e4;
var LOCK_POLL_MS = 1e3;
function toolCacheBackendDir(backend, env) {
  const root = env.RUNNER_TOOL_CACHE || path.join(os.homedir(), ".cache");
  const key = `${NATIVE_PACKAGES[backend].replace("@tensorflow/", "")}-${TFJS_VERSION}-node-abi${process.versions.modules}-${process.platform}-${process.arch}`;
  return path.join(root, "repro-check-tfjs", key);
}
async function installBackendIntoToolCache(options) {
  const { backend, env } = options;
  const packageSpec = `${NATIVE_PACKAGES[backend]}@${TFJS_VERSION}`;
  const target = toolCacheBackendDir(backend, env);
  if (resolveNativePackage(backend, [target])) return target;
  const npm = await findOnPath("npm", env.PATH ?? "");
  if (!npm) {
    throw new ReproError(
      `trainer.install-backend is on, but npm is not on PATH, so ${packageSpec} cannot be installed into ${path.dirname(target)}`,
      {
        hint: "Put Node.js with npm on the runner PATH (actions/setup-node), or install the package in the project, or set trainer.install-backend: false and backend: cpu."
      }
    );
  }
  const lock = `${target}.lock`;
  await mkdir(path.dirname(target), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  while (!await tryCreateLock(lock)) {
    if (resolveNativePackage(backend, [target])) return target;
    if (Date.now() > deadline)
      throw new ReproError(`Timed out waiting for another job's install of ${packageSpec} (lock ${lock})`, {
        hint: `If no job is installing, remove ${lock}.`
      });
    await sleep(LOCK_POLL_MS);
  }
  const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    if (resolveNativePackage(backend, [target])) return target;
    await mkdir(staging, { recursive: true });
    await writeFile(
      path.join(staging, "package.json"),
      `${JSON.stringify({ name: "repro-check-tfjs-backend", private: true })}
`
    );
    const mirrors = ["TFJS_NODE_BASE_URI", "npm_config_tfjs_binding_binary_host_mirror"].filter((name) => env[name]).map((name) => `${name}=${env[name]}`);
    options.onOutputLine?.(
      `repro-check: installing ${packageSpec} into ${target}${mirrors.length > 0 ? ` (${mirrors.join(", ")})` : ""}`
    );
    const result = await runProcess({
      argv: [npm, "install", "--no-audit", "--no-fund", "--no-package-lock", packageSpec],
      cwd: staging,
      env,
      timeoutMs: Math.max(1, deadline - Date.now()),
      ...options.onOutputLine ? { onOutputLine: options.onOutputLine } : {},
      ...options.signal ? { signal: options.signal } : {}
    });
    if (processFailed(result)) {
      const why = processEndPhrase(result, `${Math.round(options.timeoutMs / 1e3)} s (timeout-minutes)`);
      throw new ReproError(
        `npm could not install ${packageSpec} into the tool cache: \`npm install\` ${why}.
${outputTailText(result)}`,
        {
          hint: "Air-gapped runner? Point TFJS_NODE_BASE_URI at a libtensorflow mirror and npm_config_tfjs_binding_binary_host_mirror at a tfjs binding mirror."
        }
      );
    }
    await rename(staging, target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(lock, { recursive: true, force: true });
  }
}
async function tryCreateLock(lock) {
  try {
    await mkdir(lock);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
    return false;
  }
}
async function findOnPath(command, searchPath) {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return null;
}

// src/trainer/run-trainer.ts
async function runTrainer(options) {
  const backend = checkBackendName(options.backend);
  const module = await resolveTrainerModule(options.module, options.cwd);
  const backendSearchDirs = [options.cwd, path2.dirname(fileURLToPath(import.meta.url))];
  if (options.installBackend && backend !== "cpu" && backend !== "wasm") {
    const wanted = backend === "auto" ? existsSync("/proc/driver/nvidia/version") ? "tensorflow-gpu" : "tensorflow" : backend;
    if (!resolveNativePackage(wanted, backendSearchDirs)) {
      backendSearchDirs.push(
        await installBackendIntoToolCache({
          backend: wanted,
          env: options.env,
          timeoutMs: options.timeoutMs,
          ...options.onOutputLine ? { onOutputLine: options.onOutputLine } : {},
          ...options.signal ? { signal: options.signal } : {}
        })
      );
    }
  }
  await mkdir2(options.outDir, { recursive: true });
  const resultFile = path2.join(options.outDir, TRAINER_RESULT_FILE);
  await rm2(resultFile, { force: true });
  const job = {
    module,
    backend,
    seed: options.seed,
    steps: options.steps,
    checkpointEvery: options.checkpointEvery,
    strictDeterminism: options.strictDeterminism,
    outDir: options.outDir,
    backendSearchDirs,
    options: options.options ?? {},
    // From the environment the training would see, so a trainer run by hand with the variables set follows them too.
    resume: readResumeRequest(options.env)
  };
  const workerArgs = trainerWorkerArgs(import.meta.url, existsSync, () => import.meta.resolve("tsx"));
  const nodeFlags = typeScriptNodeFlags(options.module, process.versions.node);
  const processResult = await runProcess({
    argv: [process.execPath, ...nodeFlags, ...workerArgs, JSON.stringify(job)],
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    ...options.wrapper ? { wrapper: options.wrapper } : {},
    ...options.onOutputLine ? { onOutputLine: options.onOutputLine } : {},
    ...options.signal ? { signal: options.signal } : {}
  });
  const result = await readTrainerResult(resultFile);
  if (result === null && processResult.exitCode === UNSETTLED_TOP_LEVEL_AWAIT && !processResult.timedOut && !processResult.cancelled) {
    throw new ReproError(
      `The trainer ${options.module}: train() returned a promise that never settled (Node exited with code 13, "unsettled top-level await": nothing was left to run while train(), or the module's top-level await, was still waiting).
${outputTailText(processResult)}`,
      {
        hint: "Every promise train() awaits must resolve or reject: look for a new Promise whose resolve is never called, or a callback or event that never comes."
      }
    );
  }
  if (result === null || processResult.timedOut || processResult.cancelled) {
    const why = processEndPhrase(processResult, `${Math.round(options.timeoutMs / 1e3)} s (timeout-minutes)`);
    const stopped = processResult.timedOut || processResult.cancelled;
    throw new ReproError(
      `The trainer ${options.module} ${why}${stopped ? "" : " without a result"}.
${outputTailText(processResult)}`,
      { hint: "A crash in a native backend shows here; try backend: cpu to tell the trainer from the backend." }
    );
  }
  if (!result.ok)
    throw new ReproError(
      result.stack ? `${result.message}
${result.stack}` : result.message,
      result.hint ? { hint: result.hint } : {}
    );
  const checkpoints = [];
  for (const written of result.checkpoints) {
    checkpoints.push(await fingerprintCheckpoint(path2.join(options.outDir, written.path)));
  }
  return {
    metricsPath: path2.join(options.outDir, METRICS_FILE),
    checkpoints,
    backend: result.backend,
    training: result.training,
    warnings: result.warnings
  };
}
var UNSETTLED_TOP_LEVEL_AWAIT = 13;
function backendFingerprint(backend) {
  return {
    "tfjs.backend": backend.name,
    "tfjs.version": backend.version,
    "tfjs.device": backend.device,
    ...backend.libtensorflow ? { "tfjs.libtensorflow": backend.libtensorflow } : {},
    ...backend.builtFor ? { "tfjs.built-for": backend.builtFor } : {},
    ...backend.simd !== void 0 ? { "tfjs.wasm-simd": String(backend.simd) } : {}
  };
}
var TYPESCRIPT_MODULE = /\.[cm]?ts$/;
function typeScriptNodeFlags(module, nodeVersion) {
  if (!TYPESCRIPT_MODULE.test(module)) return [];
  const [major = 0, minor = 0] = nodeVersion.split(".").map(Number);
  const atLeast = (wantedMajor, wantedMinor) => major > wantedMajor || major === wantedMajor && minor >= wantedMinor;
  if (atLeast(23, 6) || major === 22 && minor >= 18) return [];
  if (atLeast(22, 6)) return ["--experimental-strip-types"];
  throw new ReproError(
    `The trainer module ${module} is TypeScript, which Node ${nodeVersion} (the Node running repro-check) cannot load: Node strips types from 22.6 with --experimental-strip-types (repro-check passes it) and by default from 23.6.`,
    {
      hint: "Use a .js or .mjs module (write it in JavaScript, or compile it with tsc first), or run repro-check on Node 22.6 or later (the action runs on the runner's Node 24)."
    }
  );
}
async function resolveTrainerModule(module, cwd) {
  if (module.startsWith("builtin:")) {
    if (BUILTIN_TRAINERS.includes(module)) return module;
    throw new ReproError(
      `Unknown built-in trainer "${module}" (trainer.module); built-in: ${BUILTIN_TRAINERS.join(", ")}, or a path to a .js/.mjs module (.ts on Node 22.6 or later)`
    );
  }
  const absolute = path2.resolve(cwd, module);
  try {
    await access2(absolute);
  } catch {
    throw new ReproError(`The trainer module ${module} was not found (looked at ${absolute})`, {
      hint: "trainer.module is a path relative to working-directory, or builtin:smoke."
    });
  }
  return absolute;
}
async function readTrainerResult(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}
export {
  backendFingerprint,
  runTrainer,
  typeScriptNodeFlags
};
