import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  checkReportToJson,
  verdictToJson
} from "./chunk-X736MCUN.js";
import "./chunk-KZVXPLSD.js";
import "./chunk-GFWGNPAP.js";
export {
  checkReportToJson,
  verdictToJson
};
