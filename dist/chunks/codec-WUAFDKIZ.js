import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  baselineMetrics,
  decodeMetricData,
  decodeRecordDocument,
  encodeMetricData,
  isReproDocument,
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import "./chunk-AEMQQA4S.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-OFCAAITS.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  baselineMetrics,
  decodeMetricData,
  decodeRecordDocument,
  encodeMetricData,
  isReproDocument,
  serializeDocument
};
