import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/numbers.ts
init_define_REPRO_CHART_LIBRARY();
function encodeNumber(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  if (Object.is(value, -0)) return "-0";
  return value;
}
function decodeNumber(value, where) {
  if (typeof value === "number") return value;
  switch (value) {
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
    case "-0":
      return -0;
    default:
      throw new TypeError(
        `${where}: expected a number or one of "NaN", "Infinity", "-Infinity", "-0", got ${JSON.stringify(value)}`
      );
  }
}

export {
  encodeNumber,
  decodeNumber
};
