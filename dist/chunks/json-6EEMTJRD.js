import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  checkReportToJson,
  verdictToJson
} from "./chunk-N3SK4D3K.js";
import "./chunk-22M5EIFX.js";
import "./chunk-EDCSKNQF.js";
export {
  checkReportToJson,
  verdictToJson
};
