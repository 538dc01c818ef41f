import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  GATE_KEYS,
  configSchema
} from "./chunk-NHMCGWYI.js";
import {
  require_dist
} from "./chunk-ZCBW5UN4.js";
import {
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/settings/gate.ts
init_define_REPRO_CHART_LIBRARY();
var import_yaml = __toESM(require_dist(), 1);
function gateSettingsOf(config) {
  return { tolerance: config.tolerance, "metric-tolerances": config["metric-tolerances"], "ignore-metrics": config["ignore-metrics"] };
}
function gateSettingsFromText(text) {
  let parsed;
  try {
    parsed = import_yaml.default.parse(text, { uniqueKeys: false });
  } catch {
    return null;
  }
  const source = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  const result = {};
  for (const key of GATE_KEYS) {
    const field = configSchema.shape[key];
    const value = field.safeParse(source[key]);
    if (!value.success) return null;
    result[key] = value.data;
  }
  return result;
}
function changedGateKeys(a, b) {
  return GATE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

export {
  gateSettingsOf,
  gateSettingsFromText,
  changedGateKeys
};
