import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/env/environment-diff.ts
init_define_REPRO_CHART_LIBRARY();
var NUMERICS_PACKAGE = /^(torch|torchvision|numpy|scipy|jax|jaxlib|tensorflow.*|tf-keras|keras|triton|mkl.*|intel-openmp|openblas.*|scipy-openblas.*|nvidia-.*|cupy.*|flash-attn|xformers|deepspeed|accelerate|transformers)$/;
function diffEnvironments(baseline, current) {
  const a = flatten(baseline);
  const b = flatten(current);
  const probed = (f) => f.frameworks !== void 0;
  const keys = [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].filter(
    (key) => probed(baseline) === probed(current) || !PROBE_ONLY.test(key)
  );
  return keys.filter((key) => a.get(key) !== b.get(key)).map((key) => ({
    key,
    baseline: a.get(key) ?? "(absent)",
    current: b.get(key) ?? "(absent)",
    numerics: isNumericsKey(key)
  })).sort((x, y) => Number(y.numerics) - Number(x.numerics) || x.key.localeCompare(y.key));
}
var PROBE_ONLY = /^(framework |package |env\.|interpreter|cpu\.flags)/;
function isNumericsKey(key) {
  if (key.startsWith("package ")) return NUMERICS_PACKAGE.test(key.slice("package ".length));
  return /^(framework |env\.|gpu\.|cpu|python$)/.test(key);
}
function flatten(fingerprint) {
  const out = /* @__PURE__ */ new Map();
  out.set("os", `${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`);
  out.set("cpu", `${fingerprint.cpu.model} \xD7 ${fingerprint.cpu.cores}`);
  if (fingerprint.cpu.flags) out.set("cpu.flags", fingerprint.cpu.flags.join(" ") || "none");
  out.set("node", fingerprint.node);
  out.set("python", fingerprint.python ?? "none");
  if (fingerprint.interpreter)
    out.set(
      "interpreter",
      `${fingerprint.interpreter.executable ?? fingerprint.interpreter.command} (${fingerprint.interpreter.chosenBy})`
    );
  out.set("gpu.driver", fingerprint.gpu?.driver ?? "none");
  out.set("gpu.cuda", fingerprint.gpu?.cuda ?? "none");
  out.set("gpu.devices", fingerprint.gpu?.devices.map((d) => d.name).join(", ") || "none");
  for (const [key, value] of Object.entries(fingerprint.frameworks ?? {})) out.set(`framework ${key}`, value);
  for (const [name, value] of Object.entries(fingerprint.numericsEnv ?? {})) out.set(`env.${name}`, value);
  for (const [name, version] of Object.entries(fingerprint.packages ?? {})) out.set(`package ${name}`, version);
  for (const [file, hash] of Object.entries(fingerprint.files ?? {})) out.set(`files.${file}`, hash.slice(0, 12));
  for (const [key, value] of Object.entries(fingerprint.extra ?? {})) out.set(key, value);
  return out;
}

// src/env/pinning.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml = __toESM(require_dist(), 1);
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
function requirementsRisks(file, text) {
  const risks = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i];
    while (logical.trimEnd().endsWith("\\") && i + 1 < lines.length)
      logical = logical.trimEnd().slice(0, -1) + " " + lines[++i];
    const requirement = logical.replace(/(^|\s)#.*$/, "").trim();
    if (requirement === "" || requirement.startsWith("-") && !requirement.startsWith("-e ") && !requirement.startsWith("--editable"))
      continue;
    const name = requirement.split(/[\s;[<>=!~@]/)[0] || requirement;
    if (/^(-e|--editable)\s/.test(requirement)) {
      risks.push({
        file,
        line: start + 1,
        message: `\`${requirement}\` is an editable install: whatever that checkout holds is installed`
      });
      continue;
    }
    const hashed = /--hash[= ]/.test(requirement);
    if (requirement.includes(" @ ") || /^\S+@/.test(requirement)) {
      if (!hashed && !/#sha256=|@[0-9a-f]{40}\b/.test(requirement))
        risks.push({ file, line: start + 1, message: `\`${name}\` comes from a URL without a hash or commit` });
      continue;
    }
    if (!hashed && !/={2,3}\s*[^\s,;*]+(\s|;|$)/.test(requirement.replace(/\.\*/g, "*"))) {
      risks.push({
        file,
        line: start + 1,
        message: `\`${requirement.split(";")[0].trim()}\` is not pinned (no \`==\` or \`--hash\`)`
      });
    }
  }
  return risks;
}
function pyprojectRisks(file, text, siblings) {
  const declares = /^\s*dependencies\s*=\s*\[\s*["'][^\]]/m.test(text) || /^\[tool\.poetry\.dependencies\]\s*$/m.test(text);
  const locked = siblings.some((s) => /^(uv\.lock|poetry\.lock|pdm\.lock|pylock(\..+)?\.toml|Pipfile\.lock)$/.test(s));
  return declares && !locked ? [
    {
      file,
      line: null,
      message: "declares dependencies but there is no lock file beside it (uv.lock, poetry.lock, pdm.lock): every install resolves them anew"
    }
  ] : [];
}
function condaRisks(file, text) {
  const document = import_yaml.default.parseDocument(text, { keepSourceTokens: false });
  const lineOf = (offset) => offset === void 0 ? null : text.slice(0, offset).split("\n").length;
  const dependencies = document.get("dependencies", true);
  const risks = [];
  if (!import_yaml.default.isSeq(dependencies)) return risks;
  for (const item of dependencies.items) {
    if (import_yaml.default.isScalar(item) && typeof item.value === "string") {
      const spec = item.value.trim();
      if (!/[=<>]=?\s*\d/.test(spec))
        risks.push({ file, line: lineOf(item.range?.[0]), message: `\`${spec}\` has no version` });
      else if (!/(^|[^<>!])=\s*\d/.test(spec))
        risks.push({ file, line: lineOf(item.range?.[0]), message: `\`${spec}\` is a range, not a version` });
    } else if (import_yaml.default.isMap(item)) {
      const pip = item.get("pip", true);
      if (!import_yaml.default.isSeq(pip)) continue;
      for (const entry of pip.items) {
        if (!import_yaml.default.isScalar(entry) || typeof entry.value !== "string") continue;
        for (const risk of requirementsRisks(file, entry.value))
          risks.push({ ...risk, line: lineOf(entry.range?.[0]), message: `pip: ${risk.message}` });
      }
    }
  }
  return risks;
}
function dockerfileRisks(file, text) {
  const risks = [];
  const stages = /* @__PURE__ */ new Set();
  text.split(/\r?\n/).forEach((raw, i) => {
    const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(raw);
    if (!match) return;
    const image = match[1];
    const earlierStage = image === "scratch" || stages.has(image.toLowerCase());
    if (match[2]) stages.add(match[2].toLowerCase());
    if (earlierStage) return;
    if (image.includes("$"))
      return void risks.push({
        file,
        line: i + 1,
        message: `\`FROM ${image}\` uses a variable: its image cannot be checked for a digest`
      });
    if (image.includes("@sha256:")) return;
    const tag = /:([^/:]+)$/.exec(image)?.[1];
    risks.push({
      file,
      line: i + 1,
      message: tag === void 0 || tag === "latest" ? `\`FROM ${image}\` follows \`latest\`, which moves; pin a digest (\`@sha256:\u2026\`)` : `\`FROM ${image}\` has no digest: the tag can be re-pushed; pin \`@sha256:\u2026\``
    });
  });
  return risks;
}
async function findPinningRisks(dir) {
  const names = (await readdir(dir).catch(() => [])).sort();
  const risks = [];
  for (const name of names) {
    const read = () => readFile(path.join(dir, name), "utf8").catch(() => null);
    let text;
    if (/^requirements.*\.txt$/.test(name) && (text = await read()) !== null)
      risks.push(...requirementsRisks(name, text));
    else if (name === "pyproject.toml" && (text = await read()) !== null)
      risks.push(...pyprojectRisks(name, text, names));
    else if (/^environment\.ya?ml$/.test(name) && (text = await read()) !== null) risks.push(...condaRisks(name, text));
    else if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) && (text = await read()) !== null)
      risks.push(...dockerfileRisks(name, text));
  }
  return risks;
}
function describePinningRisk(risk) {
  return `${risk.file}${risk.line === null ? "" : `:${risk.line}`}: ${risk.message}`;
}
function pinningError(risks) {
  return new ReproError(
    `${risks.length} unpinned dependenc${risks.length === 1 ? "y" : "ies"} (pinning-risks: error):
${risks.map((r) => `  ${describePinningRisk(r)}`).join("\n")}`,
    {
      hint: "Pin exact versions (==, a lock file, an image digest), or set `pinning-risks: warn` to report them without failing."
    }
  );
}
async function pinningLines(dir, setting) {
  const risks = await findPinningRisks(dir);
  if (setting === "error" && risks.length > 0) throw pinningError(risks);
  return risks.map((risk) => `pinning: ${describePinningRisk(risk)}`);
}

// src/compare/weights.ts
init_define_REPRO_CHART_LIBRARY();
function compareFinalCheckpoints(baseline, current, label) {
  const last = (list) => list && list.length > 0 ? [...list].sort((a, b) => a.step - b.step).at(-1) : null;
  const base = last(baseline);
  const run = last(current);
  const prefix = label ? `${label}: ` : "";
  if (!run && base) {
    const cause = `${prefix}the baseline has final-weight hashes (step ${base.step}, ${base.tensors.length} tensor${base.tensors.length === 1 ? "" : "s"}); this run wrote no checkpoint`;
    return {
      lines: [cause],
      differing: base.tensors.map((t) => t.name),
      tensors: base.tensors.length,
      compared: false,
      notProduced: cause
    };
  }
  if (!run) return { lines: [], differing: [], tensors: 0, compared: false, notProduced: null };
  if (!base)
    return {
      lines: [
        `${prefix}this run wrote checkpoints (last at step ${run.step}, ${run.tensors.length} tensors); the baseline has none to compare with`
      ],
      differing: [],
      tensors: run.tensors.length,
      compared: false,
      notProduced: null
    };
  const baseByName = new Map(base.tensors.map((t) => [t.name, t]));
  const differing = [];
  const missing = [];
  for (const tensor of run.tensors) {
    const other = baseByName.get(tensor.name);
    if (!other) continue;
    baseByName.delete(tensor.name);
    if (other.sha256 !== tensor.sha256 || other.dtype !== tensor.dtype || other.shape.join("x") !== tensor.shape.join("x"))
      differing.push(tensor.name);
  }
  for (const name of baseByName.keys()) missing.push(name);
  const baseNames = new Set(base.tensors.map((t) => t.name));
  const added = run.tensors.filter((t) => !baseNames.has(t.name)).map((t) => t.name);
  const lines = [
    label ?? (base.step === run.step ? `final checkpoint (step ${run.step})` : `final checkpoints differ in step: baseline ${base.step}, this run ${run.step}`),
    differing.length === 0 && missing.length === 0 && added.length === 0 ? `all ${run.tensors.length} tensors bit-identical to the baseline` : `${differing.length} of ${run.tensors.length} tensors differ from the baseline${differing.length > 0 ? `: ${listSome(differing)}` : ""}`
  ];
  if (missing.length > 0) lines.push(`missing from this run: ${listSome(missing)}`);
  if (added.length > 0) lines.push(`new in this run: ${listSome(added)}`);
  return {
    lines,
    differing: [...differing, ...missing, ...added],
    tensors: run.tensors.length + missing.length,
    compared: true,
    notProduced: null
  };
}
function listSome(names) {
  return names.length <= 10 ? names.join(", ") : `${names.slice(0, 10).join(", ")} and ${names.length - 10} more`;
}

export {
  compareFinalCheckpoints,
  diffEnvironments,
  pinningLines
};
