import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  TEXT_KEYS,
  configKeys,
  configSchema,
  crossKeyProblems
} from "./chunk-HEQXUKTN.js";
import {
  require_dist
} from "./chunk-63XBXJAC.js";
import {
  ReproError
} from "./chunk-IOLXGZRS.js";
import {
  __toESM
} from "./chunk-EDCSKNQF.js";

// src/settings/load.ts
var import_yaml = __toESM(require_dist(), 1);

// src/settings/suggest.ts
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
var SettingsError = class extends ReproError {
  constructor(problems) {
    super(`Invalid settings (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${problems.map((p) => `  - ${p}`).join("\n")}`, {
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
    document = import_yaml.default.parseDocument(sources.file.text, { lineCounter, prettyErrors: true });
    for (const error of document.errors) {
      const line = error.linePos?.[0]?.line;
      const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      problems.push(`${sources.file.path}${line ? `:${line}` : ""}: YAML syntax error: ${message}`);
    }
    if (document.errors.length === 0) {
      const contents = document.toJS();
      if (contents !== null && contents !== void 0) {
        if (typeof contents !== "object" || Array.isArray(contents)) problems.push(`${sources.file.path}: the top level must be a map of keys (command:, metrics:, ...), got ${Array.isArray(contents) ? "a list" : typeof contents}`);
        else merged = { ...contents };
      }
      for (const key of Object.keys(merged)) origins[key] = sources.file.path;
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
    origins[topKey] = override.origin;
    explicitKeys.add(topKey);
  }
  const knownKeys = configKeys();
  const parsed = configSchema.safeParse(merged);
  const issueContext = { origins, file: sources.file, document, lineCounter, knownKeys };
  if (!document || document.errors.length === 0) {
    for (const { key, message } of crossKeyProblems(merged, { trains: sources.trains ?? true })) problems.push(`${whereIs([key], issueContext)}${message}`);
  }
  if (parsed.success && problems.length === 0) {
    for (const key of knownKeys) origins[key] ??= "default";
    return { config: parsed.data, origins, explicitKeys: [...explicitKeys] };
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(issue, issueContext));
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
function setPath(target, path, value) {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[part] = {};
    node = node[part];
  }
  node[path.at(-1)] = value;
}
function describeIssue(issue, context) {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const siblings = path.length === 0 ? context.knownKeys : knownKeysAt(path);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, siblings);
      const where = whereIs([...path, key], context);
      return `${where}unknown key "${[...path, key].join(".")}"${suggestion ? ` (did you mean "${[...path, suggestion].join(".")}"?)` : ""}; accepted: ${siblings.join(", ")}`;
    }).join("\n  - ");
  }
  return `${whereIs(path, context)}${path.join(".") || "(top level)"}: ${issue.message}`;
}
function knownKeysAt(path) {
  let schema = configSchema;
  for (const part of path) {
    const shape = schema.shape;
    let next = shape?.[part];
    while (next && !next.shape && next.unwrap) next = next.unwrap();
    if (!next && schema.valueType) next = schema.valueType;
    while (next && !next.shape && next.unwrap) next = next.unwrap();
    if (!next) return [];
    schema = next;
  }
  return Object.keys(schema.shape ?? {});
}
function whereIs(path, context) {
  const origin = path.length > 0 ? context.origins[path[0]] : void 0;
  if (origin && context.file && origin === context.file.path && context.document) {
    const node = findNode(context.document, path);
    const offset = node?.range?.[0];
    const line = offset === void 0 ? void 0 : context.lineCounter.linePos(offset).line;
    return `${context.file.path}${line ? `:${line}` : ""}: `;
  }
  return origin && origin !== "default" ? `${origin}: ` : "";
}
function findNode(document, path) {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
    if ((0, import_yaml.isMap)(parent)) {
      const pair = parent.items.find((item) => String(item.key?.value ?? item.key) === path[depth - 1]);
      if (pair) return pair.value ?? pair.key;
    }
  }
  return void 0;
}

export {
  SettingsError,
  loadSettings
};
