import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/env/fingerprint.ts
init_define_REPRO_CHART_LIBRARY();
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/env/nvidia-smi.ts
init_define_REPRO_CHART_LIBRARY();
var NVIDIA_SMI_QUERY = ["--query-gpu=index,name,uuid,memory.total,driver_version", "--format=csv,noheader,nounits"];
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
    const device = all.find((d) => /^\d+$/.test(token) ? d.index === Number(token) : token.length > 0 && d.uuid.startsWith(token));
    if (!device) break;
    if (!visible.includes(device)) visible.push(device);
  }
  return visible;
}

// src/env/fingerprint.ts
var execText = (file, args) => new Promise((resolve) => {
  execFile(file, args, { timeout: 2e4, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
    const code = error ? typeof error.code === "number" ? error.code : 127 : 0;
    resolve({ exitCode: code, stdout: String(stdout) });
  });
});
var LOCK_FILE_PATTERN = /^(requirements.*\.txt|poetry\.lock|uv\.lock|package-lock\.json|environment\.ya?ml|Pipfile\.lock|conda-lock\.yml)$/;
async function collectEnvironment(options) {
  const [python, gpu, files] = await Promise.all([pythonVersion(options.exec), gpuInfo(options.exec, options.env), hashFiles(options.cwd, options.fingerprintPaths)]);
  const cpus = os.cpus();
  return {
    os: { platform: process.platform, release: os.release(), arch: process.arch },
    cpu: { model: cpus[0]?.model.trim() ?? "unknown", cores: cpus.length },
    node: process.version,
    python,
    gpu,
    files,
    extra: {}
  };
}
async function pythonVersion(exec) {
  const result = await exec("python3", ["--version"]);
  return result.exitCode === 0 ? result.stdout.trim().replace(/^Python\s+/, "") || null : null;
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
    if (LOCK_FILE_PATTERN.test(entry) && (await stat(path.join(cwd, entry))).isFile()) files[entry] = await hashPath(path.join(cwd, entry));
  }
  for (const relative of fingerprintPaths) {
    try {
      files[relative] = await hashPath(path.resolve(cwd, relative));
    } catch (error) {
      throw new ReproError(`fingerprint-paths: cannot read "${relative}" (${error.code ?? error.message})`, {
        hint: "List files or folders that exist, relative to working-directory."
      });
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
      const full = path.join(dir, name);
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
function diffEnvironments(baseline, current) {
  const a = flatten(baseline);
  const b = flatten(current);
  const keys = [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort();
  return keys.filter((key) => a.get(key) !== b.get(key)).map((key) => ({ key, baseline: a.get(key) ?? "(absent)", current: b.get(key) ?? "(absent)" }));
}
function flatten(fingerprint) {
  const out = /* @__PURE__ */ new Map();
  out.set("os", `${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`);
  out.set("cpu", `${fingerprint.cpu.model} \xD7 ${fingerprint.cpu.cores}`);
  out.set("node", fingerprint.node);
  out.set("python", fingerprint.python ?? "none");
  out.set("gpu.driver", fingerprint.gpu?.driver ?? "none");
  out.set("gpu.cuda", fingerprint.gpu?.cuda ?? "none");
  out.set("gpu.devices", fingerprint.gpu?.devices.map((d) => d.name).join(", ") || "none");
  for (const [file, hash] of Object.entries(fingerprint.files ?? {})) out.set(`files.${file}`, hash.slice(0, 12));
  for (const [key, value] of Object.entries(fingerprint.extra ?? {})) out.set(key, value);
  return out;
}

export {
  execText,
  collectEnvironment,
  hashPath,
  diffEnvironments
};
