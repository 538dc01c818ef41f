import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  TEXT_KEYS,
  configKeys,
  configSchema,
  crossKeyProblems
} from "./chunk-SKRDZTFF.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/settings/load.ts
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

// src/settings/load.ts
var MAX_LISTED_PROBLEMS = 20;
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
  const lineCounter = new import_yaml.LineCounter();
  let document = null;
  let merged = {};
  if (sources.file) {
    document = import_yaml.default.parseDocument(sources.file.text, { lineCounter, prettyErrors: true, uniqueKeys: false });
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
    const path = override.key.split(".");
    const topKey = path[0];
    let value = override.value;
    if (!isTextValue(topKey, path.length, override.value)) {
      try {
        value = import_yaml.default.parse(override.value);
      } catch (error) {
        problems.push(`${override.origin}: not valid YAML: ${error.message.split("\n")[0]}`);
        continue;
      }
    }
    setPath(merged, path, value);
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
function setPath(target, path, value) {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = Object.hasOwn(node, part) ? node[part] : void 0;
    if (typeof next !== "object" || next === null || Array.isArray(next)) setOwn(node, part, {});
    node = node[part];
  }
  setOwn(node, path.at(-1), value);
}
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
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const siblings = path.length === 0 ? context.knownKeys : knownKeysAt(path);
    const worded = issue.keys.slice(0, MAX_LISTED_PROBLEMS);
    const rest = issue.keys.length - worded.length;
    return worded.map((key) => {
      const suggestion = closestMatch(key, siblings);
      const where = whereIs([...path, key], context);
      return `${where}unknown key "${[...path, key].join(".")}"${suggestion ? ` (did you mean "${[...path, suggestion].join(".")}"?)` : ""}; accepted: ${siblings.join(", ")}`;
    }).concat(
      rest > 0 ? [`${rest} more unknown key${rest === 1 ? "" : "s"}${path.length > 0 ? ` under ${path.join(".")}` : ""}`] : []
    );
  }
  return [`${whereIs(path, context)}${path.join(".") || "(top level)"}: ${issue.message}`];
}
function knownKeysAt(path) {
  let schema = configSchema;
  for (const part of path) {
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
function whereIs(path, context) {
  const origin = path.length > 0 && Object.hasOwn(context.origins, path[0]) ? context.origins[path[0]] : void 0;
  if (origin && context.file && origin === context.file.path && context.document) {
    const node = findNode(context.document, path, context.pairIndexes);
    const offset = node?.range?.[0];
    const line = offset === void 0 ? void 0 : context.lineCounter.linePos(offset).line;
    return `${context.file.path}${line ? `:${line}` : ""}: `;
  }
  return origin && origin !== "default" ? `${origin}: ` : "";
}
function findNode(document, path, indexes) {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
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
      const pair = index.get(path[depth - 1]);
      if (pair)
        return pair.value ?? pair.key;
    }
  }
  return void 0;
}

export {
  SettingsError,
  loadSettings
};
