import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  runCapturedProcess
} from "./chunk-JSQIMT2O.js";
import {
  runProcess
} from "./chunk-KUD2POCN.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/env/fingerprint.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/env/nvidia-smi.ts
init_define_REPRO_CHART_LIBRARY();
var NVIDIA_SMI_QUERY = [
  "--query-gpu=index,name,uuid,memory.total,driver_version",
  "--format=csv,noheader,nounits"
];
function parseNvidiaSmi(queryOutput, headerOutput, cudaVisibleDevices) {
  const rows = queryOutput.split("\n").map((line) => line.trim()).filter(Boolean).map((line) => line.split(",").map((cell) => cell.trim()));
  const all = rows.map(([index, name, uuid, memory]) => ({
    index: Number(index),
    name: name ?? "",
    uuid: uuid ?? "",
    memoryMiB: memory === void 0 || !/^\d+$/.test(memory) ? null : Number(memory)
  }));
  const devices = cudaVisibleDevices === void 0 ? all : visibleDevices(all, cudaVisibleDevices);
  const driver = rows[0]?.[4] ?? null;
  const cuda = headerOutput ? /CUDA Version:\s*([\d.]+)/.exec(headerOutput)?.[1] ?? null : null;
  return { driver, cuda, devices };
}
function visibleDevices(all, cudaVisibleDevices) {
  const visible = [];
  for (const token of cudaVisibleDevices.split(",").map((entry) => entry.trim())) {
    const device = all.find(
      (d) => /^\d+$/.test(token) ? d.index === Number(token) : token.length > 0 && d.uuid.startsWith(token)
    );
    if (!device) break;
    if (!visible.includes(device)) visible.push(device);
  }
  return visible;
}

// src/env/python-probe.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";

// src/env/python-probe-script.ts
init_define_REPRO_CHART_LIBRARY();
var PYTHON_PROBE = `
# repro-check's environment probe, run with the interpreter the training command runs
# (src/env/python-probe.ts). Prints one JSON object on its last line. Reads versions and
# numerics settings only: no model runs, no CUDA context is created and no GPU memory is allocated. A framework that is not
# installed is reported as "not installed"; one that fails to import, with its error.
import importlib.util
import json
import platform
import sys

out = {"python": platform.python_version(), "executable": sys.executable, "frameworks": {}, "packages": {}}
fw = out["frameworks"]


def installed(name):
    try:
        return importlib.util.find_spec(name) is not None
    except Exception:
        return False


try:
    import importlib.metadata as metadata

    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            out["packages"][name.lower().replace("_", "-")] = dist.version
except Exception as error:  # Python < 3.8 or a broken site-packages: versions stay unknown
    out["packagesError"] = repr(error)

if installed("torch"):
    try:
        import torch

        fw["torch.version"] = torch.__version__
        fw["torch.cuda"] = str(torch.version.cuda)
        fw["torch.cudnn"] = str(torch.backends.cudnn.version()) if torch.backends.cudnn.is_available() else "not available"
        # The NCCL torch was built with; torch.cuda.is_available() is not asked: it initialises CUDA,
        # and the audit runs this probe beside its first training (a GPU in exclusive-process mode
        # takes one process only). Nothing here touches a device.
        try:
            nccl = torch.cuda.nccl.version() if torch.version.cuda else None
            fw["torch.nccl"] = "not built with CUDA" if nccl is None else ".".join(str(p) for p in nccl) if isinstance(nccl, tuple) else str(nccl)
        except Exception as error:
            fw["torch.nccl"] = "unknown (%s)" % type(error).__name__
        fw["torch.backends.cudnn.enabled"] = str(torch.backends.cudnn.enabled)
        fw["torch.backends.cudnn.benchmark"] = str(torch.backends.cudnn.benchmark)
        fw["torch.backends.cudnn.deterministic"] = str(torch.backends.cudnn.deterministic)
        fw["torch.backends.cudnn.allow_tf32"] = str(torch.backends.cudnn.allow_tf32)
        fw["torch.backends.cuda.matmul.allow_tf32"] = str(torch.backends.cuda.matmul.allow_tf32)
        fw["torch.deterministic_algorithms"] = str(torch.are_deterministic_algorithms_enabled())
        fw["torch.num_threads"] = str(torch.get_num_threads())
        for line in torch.__config__.show().splitlines():
            for item in line.strip().rstrip(",").split(", "):
                for key in ("BLAS_INFO", "LAPACK_INFO"):
                    if item.startswith(key + "="):
                        fw["torch." + key.split("_")[0].lower()] = item.split("=", 1)[1]
    except Exception as error:
        fw["torch.error"] = "%s: %s" % (type(error).__name__, error)
else:
    fw["torch.version"] = "not installed"

if installed("numpy"):
    try:
        import numpy

        fw["numpy.version"] = numpy.__version__
        try:  # numpy >= 1.25
            blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
            fw["numpy.blas"] = ("%s %s" % (blas.get("name", "?"), blas.get("version", ""))).strip()
        except TypeError:  # older numpy: the build-time info dicts
            config = numpy.__config__
            for key in ("openblas_info", "blas_mkl_info", "blis_info", "blas_opt_info"):
                info = getattr(config, key, None) or {}
                if info.get("libraries"):
                    fw["numpy.blas"] = "%s (%s)" % (key.replace("_info", ""), ",".join(info["libraries"]))
                    break
    except Exception as error:
        fw["numpy.error"] = "%s: %s" % (type(error).__name__, error)
else:
    fw["numpy.version"] = "not installed"

if installed("threadpoolctl"):
    try:
        from threadpoolctl import threadpool_info

        for pool in threadpool_info():
            fw["threadpool.%s" % pool.get("internal_api", pool.get("user_api"))] = "%s %s threads=%s" % (pool.get("version"), pool.get("architecture", ""), pool.get("num_threads"))
    except Exception as error:
        fw["threadpool.error"] = "%s: %s" % (type(error).__name__, error)

# Versions only: importing TensorFlow or JAX takes seconds and may claim GPU memory.
for name, dist in (("jax", "jax"), ("jaxlib", "jaxlib"), ("tensorflow", "tensorflow")):
    fw[name + ".version"] = out["packages"].get(dist, "not installed")

print(json.dumps(out, sort_keys=True))
`;

// src/env/python-probe.ts
var PYTHON_NAME = /^python(\d+(\.\d+)*)?$/;
function chooseInterpreter(command, pythonSetting) {
  const words = (command ?? "").trim().split(/\s+/);
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || words[i] === "env" || words[i] === "exec"))
    i++;
  const first = words[i];
  if (first && PYTHON_NAME.test(path.posix.basename(first))) return { command: first, chosenBy: "command" };
  if (pythonSetting) return { command: pythonSetting, chosenBy: "python setting" };
  return { command: "python3", chosenBy: "PATH" };
}
var runPython = async (interpreter, source, options) => {
  const stdout = [];
  const result = await runProcess({
    argv: [interpreter, "-c", source],
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    killGraceMs: 1e3,
    onOutputLine: (line, stream) => stream === "stdout" && stdout.push(line)
  }).catch(() => null);
  return result ? { exitCode: result.exitCode, timedOut: result.timedOut, stdout: stdout.join("\n") } : { exitCode: 127, timedOut: false, stdout: "" };
};
var PROBE_TIMEOUT_MS = 6e4;
async function probePython(choice, options) {
  const empty = (problem) => ({
    found: false,
    version: null,
    executable: null,
    frameworks: {},
    packages: {},
    problem
  });
  const result = await (options.run ?? runPython)(choice.command, PYTHON_PROBE, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs ?? PROBE_TIMEOUT_MS
  });
  if (result.timedOut)
    return empty(
      `${choice.command} did not answer within ${Math.round((options.timeoutMs ?? PROBE_TIMEOUT_MS) / 1e3)} s`
    );
  if (result.exitCode === 127) return empty(`${choice.command} not found`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  try {
    const parsed = JSON.parse(last);
    return {
      found: true,
      version: parsed.python,
      executable: parsed.executable,
      frameworks: parsed.frameworks,
      packages: parsed.packages,
      problem: null
    };
  } catch {
    return empty(`${choice.command} exited with ${result.exitCode} without the probe's answer (not a Python 3?)`);
  }
}
var NUMERICS_ENV = /^(OMP_.*|MKL_.*|OPENBLAS_.*|KMP_.*|VECLIB_MAXIMUM_THREADS|NUMEXPR_.*|BLIS_NUM_THREADS|CUBLAS_WORKSPACE_CONFIG|CUBLAS_.*|NVIDIA_TF32_OVERRIDE|TORCH_ALLOW_TF32.*|TORCH_CUDNN_.*|XLA_FLAGS|XLA_PYTHON_.*|TF_DETERMINISTIC_OPS|TF_CUDNN_DETERMINISTIC|TF_ENABLE_ONEDNN_OPTS|TF_XLA_FLAGS|CUDA_VISIBLE_DEVICES|CUDA_LAUNCH_BLOCKING|NCCL_ALGO|NCCL_PROTO)$/;
function numericsEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).filter((entry) => entry[1] !== void 0 && NUMERICS_ENV.test(entry[0])).sort(([a], [b]) => a.localeCompare(b))
  );
}
var ISA_FLAG = /^(sse4_1|sse4_2|avx|avx2|fma|f16c|avx512.*|amx.*|avx_vnni|neon|asimd|asimddp|sve|sve2|bf16|i8mm)$/;
function cpuFlagsFromCpuinfo(text) {
  const line = text.split("\n").find((l) => /^(flags|Features)\s*:/.test(l));
  if (!line) return [];
  return [
    ...new Set(
      line.slice(line.indexOf(":") + 1).trim().split(/\s+/).filter((f) => ISA_FLAG.test(f))
    )
  ].sort();
}

// src/env/fingerprint.ts
var execText = async (file, args) => {
  const result = await runCapturedProcess([file, ...args], { cwd: process.cwd(), env: process.env, timeoutMs: 2e4 });
  return { exitCode: result.exitCode ?? (result.startError ? 126 : 1), stdout: result.stdout };
};
var LOCK_FILE_PATTERN = /^(requirements.*\.txt|poetry\.lock|uv\.lock|package-lock\.json|environment\.ya?ml|Pipfile\.lock|conda-lock\.yml)$/;
async function collectEnvironment(options) {
  const interpreter = options.interpreter ?? { command: "python3", chosenBy: "PATH" };
  const [python, gpu, files, cpuinfo] = await Promise.all([
    options.python ?? probePython(interpreter, {
      cwd: options.cwd,
      env: options.env,
      ...options.runPython ? { run: options.runPython } : {}
    }),
    gpuInfo(options.exec, options.env),
    hashFiles(options.cwd, options.fingerprintPaths),
    options.cpuinfo !== void 0 ? options.cpuinfo : readFile("/proc/cpuinfo", "utf8").catch(() => null)
  ]);
  const cpus = os.cpus();
  const fingerprint = {
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: {
      model: cpus[0]?.model.trim() ?? "unknown",
      cores: cpus.length,
      flags: cpuinfo === null ? [] : cpuFlagsFromCpuinfo(cpuinfo)
    },
    node: process.version,
    python: null,
    numericsEnv: numericsEnvironment(options.env),
    gpu,
    files,
    extra: {}
  };
  return python === "deferred" ? fingerprint : withPythonFacts(fingerprint, interpreter, python);
}
function withPythonFacts(fingerprint, interpreter, python) {
  return {
    ...fingerprint,
    python: python.version,
    interpreter: {
      command: interpreter.command,
      chosenBy: interpreter.chosenBy,
      executable: python.executable,
      problem: python.problem
    },
    frameworks: python.frameworks,
    packages: python.packages
  };
}
async function gpuInfo(exec, env) {
  const query = await exec("nvidia-smi", NVIDIA_SMI_QUERY);
  if (query.exitCode !== 0) return null;
  const header = await exec("nvidia-smi", []);
  return parseNvidiaSmi(query.stdout, header.exitCode === 0 ? header.stdout : null, env.CUDA_VISIBLE_DEVICES);
}
async function hashFiles(cwd, fingerprintPaths) {
  const files = {};
  for (const entry of (await readdir(cwd)).sort()) {
    if (LOCK_FILE_PATTERN.test(entry) && (await stat(path2.join(cwd, entry))).isFile())
      files[entry] = await hashPath(path2.join(cwd, entry));
  }
  for (const relative of fingerprintPaths) {
    try {
      files[relative] = await hashPath(path2.resolve(cwd, relative));
    } catch (error) {
      throw new ReproError(
        `fingerprint-paths: cannot read "${relative}" (${error.code ?? error.message})`,
        {
          hint: "List files or folders that exist, relative to working-directory."
        }
      );
    }
  }
  return files;
}
async function hashPath(target) {
  if ((await stat(target)).isFile()) return (await hashFile(target)).toString("hex");
  const hash = createHash("sha256");
  const walked = /* @__PURE__ */ new Set();
  const walk = async (dir, prefix) => {
    const real = await realpath(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const name of (await readdir(dir)).sort()) {
      if (name === ".git") continue;
      const relative = prefix ? `${prefix}/${name}` : name;
      const full = path2.join(dir, name);
      const info = await stat(full).catch(() => null);
      if (info?.isDirectory()) await walk(full, relative);
      else if (info?.isFile()) {
        hash.update(`${relative}\0`);
        hash.update(await hashFile(full));
      }
    }
  };
  await walk(target, "");
  return hash.digest("hex");
}
async function hashFile(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest();
}

export {
  chooseInterpreter,
  probePython,
  execText,
  collectEnvironment,
  withPythonFacts,
  hashPath
};
