import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  SAVE_AS_SAFETENSORS,
  pickleExtension
} from "./chunk-MJO2A4YZ.js";
import {
  TEXT_KEYS,
  configKeys,
  configSchema
} from "./chunk-7WBBLXUB.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/settings/load.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml2 = __toESM(require_dist(), 1);

// src/settings/cross-key-rules.ts
init_define_REPRO_CHART_LIBRARY();
function crossKeyProblems(raw, options = { trains: true }) {
  const problems = [];
  const has = (key) => raw[key] !== void 0 && raw[key] !== null;
  if (options.trains && !has("command") && !has("trainer"))
    problems.push({
      key: "command",
      message: "set either `command` (a training command) or `trainer` (the built-in TensorFlow.js trainer)"
    });
  if (has("command") && has("trainer"))
    problems.push({ key: "trainer", message: "`command` and `trainer` are alternatives; set only one" });
  const tolerance = raw.tolerance;
  if (tolerance?.exact === true && (tolerance.rtol !== void 0 || tolerance.atol !== void 0))
    problems.push({
      key: "tolerance",
      message: "tolerance: `exact: true` compares bit for bit; leave out rtol and atol with it"
    });
  if (tolerance?.sigma !== void 0 && tolerance["false-alarm-rate"] !== void 0)
    problems.push({
      key: "tolerance",
      message: "tolerance: `sigma` and `false-alarm-rate` both set k of the \u03C3 gate; set only one"
    });
  const audit = raw.audit;
  if (audit?.expect === "statistical" && !(typeof audit.seeds === "number" && audit.seeds >= 1))
    problems.push({
      key: "audit",
      message: "audit: `expect: statistical` needs a seed band: set `seeds` to 1 or more (--seeds M; 8 gives a usable band)"
    });
  if (has("command") && !has("metrics"))
    problems.push({
      key: "metrics",
      message: "with `command`, say where the metrics are written (a file, a glob or {prefix: path})"
    });
  const checkpoints = raw.checkpoints;
  const checkpointGlob = typeof checkpoints === "string" ? checkpoints : typeof checkpoints?.glob === "string" ? checkpoints.glob : null;
  const pickle = checkpointGlob === null ? null : pickleExtension(checkpointGlob);
  if (pickle)
    problems.push({
      key: "checkpoints",
      message: `${checkpointGlob} names ${pickle} files, which repro-check does not read (unpickling runs code). ${SAVE_AS_SAFETENSORS}`
    });
  const stepKey = raw["step-key"];
  if (typeof stepKey === "object" && stepKey !== null && !Array.isArray(stepKey)) {
    const metrics = raw.metrics;
    const prefixes = typeof metrics === "object" && metrics !== null && !Array.isArray(metrics) ? Object.keys(metrics) : null;
    if (prefixes === null)
      problems.push({
        key: "step-key",
        message: "a map of step keys goes with the map form of `metrics` ({prefix: path}); with one metrics path give one key, e.g. step-key: epoch"
      });
    else {
      const unknown = Object.keys(stepKey).filter((prefix) => !prefixes.includes(prefix));
      if (unknown.length > 0)
        problems.push({
          key: "step-key",
          message: `${unknown.map((p) => `"${p}"`).join(", ")} ${unknown.length === 1 ? "is not a prefix" : "are not prefixes"} of \`metrics\`; accepted: ${prefixes.map((p) => `"${p}"`).join(", ")}`
        });
    }
  }
  return problems;
}

// src/settings/problem-location.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml = __toESM(require_dist(), 1);

// src/settings/suggest.ts
init_define_REPRO_CHART_LIBRARY();
function closestMatch(word, candidates) {
  let best;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

// src/settings/problem-location.ts
var MAX_LISTED_PROBLEMS = 20;
function duplicateKeys(document, lineCounter) {
  const found = [];
  const lineOf = (node) => {
    const offset = node?.range?.[0];
    return offset === void 0 ? 0 : lineCounter.linePos(offset).line;
  };
  const pending = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if ((0, import_yaml.isMap)(node)) {
      const seen = /* @__PURE__ */ new Map();
      for (const item of node.items) {
        const key = String(item.key?.value ?? item.key);
        const first = seen.get(key);
        if (first === void 0) seen.set(key, item.key);
        else found.push({ key, line: lineOf(item.key), firstLine: lineOf(first) });
        pending.push(item.value);
      }
    } else if ((0, import_yaml.isSeq)(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
function describeIssue(issue, context) {
  const path2 = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const siblings = path2.length === 0 ? context.knownKeys : knownKeysAt(path2);
    const worded = issue.keys.slice(0, MAX_LISTED_PROBLEMS);
    const rest = issue.keys.length - worded.length;
    return worded.map((key) => {
      const suggestion = closestMatch(key, siblings);
      const where = whereIs([...path2, key], context);
      return `${where}unknown key "${[...path2, key].join(".")}"${suggestion ? ` (did you mean "${[...path2, suggestion].join(".")}"?)` : ""}; accepted: ${siblings.join(", ")}`;
    }).concat(
      rest > 0 ? [`${rest} more unknown key${rest === 1 ? "" : "s"}${path2.length > 0 ? ` under ${path2.join(".")}` : ""}`] : []
    );
  }
  return [`${whereIs(path2, context)}${path2.join(".") || "(top level)"}: ${issue.message}`];
}
function knownKeysAt(path2) {
  let schema = configSchema;
  for (const part of path2) {
    const shape = schema.shape;
    let next = shape?.[part];
    while (next && !next.shape && next.unwrap)
      next = next.unwrap();
    if (!next && schema.valueType) next = schema.valueType;
    while (next && !next.shape && next.unwrap)
      next = next.unwrap();
    if (!next) return [];
    schema = next;
  }
  return Object.keys(schema.shape ?? {});
}
function whereIs(path2, context) {
  const origin = path2.length > 0 && Object.hasOwn(context.origins, path2[0]) ? context.origins[path2[0]] : void 0;
  if (origin && context.file && origin === context.file.path && context.document) {
    const node = findNode(context.document, path2, context.pairIndexes);
    const offset = node?.range?.[0];
    const line = offset === void 0 ? void 0 : context.lineCounter.linePos(offset).line;
    return `${context.file.path}${line ? `:${line}` : ""}: `;
  }
  return origin && origin !== "default" ? `${origin}: ` : "";
}
function findNode(document, path2, indexes) {
  for (let depth = path2.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(path2.slice(0, depth - 1), true);
    if ((0, import_yaml.isMap)(parent)) {
      let index = indexes.get(parent);
      if (!index) {
        index = /* @__PURE__ */ new Map();
        for (const item of parent.items) {
          const key = String(item.key?.value ?? item.key);
          if (!index.has(key)) index.set(key, item);
        }
        indexes.set(parent, index);
      }
      const pair = index.get(path2[depth - 1]);
      if (pair)
        return pair.value ?? pair.key;
    }
  }
  return void 0;
}

// src/settings/load.ts
var SettingsError = class extends ReproError {
  constructor(problems) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`  - \u2026 and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    super(`Invalid settings (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${listed.join("\n")}`, {
      hint: `See the README's "Settings" section or schema/repro.schema.json for every key and what it accepts.`
    });
    this.problems = problems;
    this.name = "SettingsError";
  }
  problems;
};
function loadSettings(sources) {
  const problems = [...sources.problems ?? []];
  const origins = {};
  const explicitKeys = /* @__PURE__ */ new Set();
  const lineCounter = new import_yaml2.LineCounter();
  let document = null;
  let merged = {};
  if (sources.file) {
    document = import_yaml2.default.parseDocument(sources.file.text, { lineCounter, prettyErrors: true, uniqueKeys: false });
    for (const error of document.errors) {
      const line = error.linePos?.[0]?.line;
      const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      problems.push(`${sources.file.path}${line ? `:${line}` : ""}: YAML syntax error: ${message}`);
    }
    if (document.errors.length === 0) {
      for (const duplicate of duplicateKeys(document, lineCounter))
        problems.push(
          `${sources.file.path}:${duplicate.line}: key "${duplicate.key}" appears again (first on line ${duplicate.firstLine}); give each key once`
        );
    }
    if (document.errors.length === 0) {
      const contents = document.toJS();
      if (contents !== null && contents !== void 0) {
        if (typeof contents !== "object" || Array.isArray(contents))
          problems.push(
            `${sources.file.path}: the top level must be a map of keys (command:, metrics:, ...), got ${Array.isArray(contents) ? "a list" : typeof contents}`
          );
        else merged = { ...contents };
      }
      for (const key of Object.keys(merged)) setOwn(origins, key, sources.file.path);
    }
  }
  for (const override of sources.overrides) {
    const path2 = override.key.split(".");
    const topKey = path2[0];
    let value = override.value;
    if (!isTextValue(topKey, path2.length, override.value)) {
      try {
        value = import_yaml2.default.parse(override.value);
      } catch (error) {
        problems.push(`${override.origin}: not valid YAML: ${error.message.split("\n")[0]}`);
        continue;
      }
    }
    setPath(merged, path2, value);
    setOwn(origins, topKey, override.origin);
    explicitKeys.add(topKey);
  }
  const knownKeys = configKeys();
  const parsed = configSchema.safeParse(merged);
  const issueContext = {
    origins,
    file: sources.file,
    document,
    lineCounter,
    knownKeys,
    pairIndexes: /* @__PURE__ */ new Map()
  };
  if ((!document || document.errors.length === 0) && !sources.toleranceKeysOnly) {
    for (const { key, message } of crossKeyProblems(merged, { trains: sources.trains ?? true }))
      problems.push(`${whereIs([key], issueContext)}${message}`);
  }
  if (parsed.success && problems.length === 0) {
    for (const key of knownKeys) origins[key] ??= "default";
    return { config: parsed.data, origins, explicitKeys: [...explicitKeys] };
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      for (const problem of describeIssue(issue, issueContext)) problems.push(problem);
  }
  throw new SettingsError(problems);
}
function isTextValue(topKey, depth, value) {
  if (topKey === "metrics" && depth === 2) return true;
  if (depth > 1) return false;
  if (TEXT_KEYS.has(topKey)) return true;
  if (topKey !== "metrics") return false;
  const trimmed = value.trim();
  const looksLikeMap = trimmed.startsWith("{") && !trimmed.startsWith("{out}") || /\n/.test(trimmed);
  return !looksLikeMap;
}
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function setPath(target, path2, value) {
  let node = target;
  for (const part of path2.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : void 0;
    if (typeof next !== "object" || next === null || Array.isArray(next)) setOwn(node, part, {});
    node = node[part];
  }
  setOwn(node, path2.at(-1), value);
}

// src/settings/config-file.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
import path from "node:path";
async function readConfigFile(options) {
  const absolutePath = path.resolve(options.dir, options.name);
  try {
    return { path: options.name, absolutePath, text: await readFile(absolutePath, "utf8") };
  } catch (error) {
    const code = error.code;
    if (!options.given && code === "ENOENT") return null;
    throw new ReproError(
      `${options.label}: cannot read ${options.showAbsolute ? absolutePath : options.name} (${code ?? error.message})`,
      options.hint === void 0 ? {} : { hint: options.hint }
    );
  }
}

export {
  SettingsError,
  loadSettings,
  readConfigFile
};
