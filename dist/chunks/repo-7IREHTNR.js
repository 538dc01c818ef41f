import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  firstLine,
  openFailure,
  openRepo
} from "./chunk-WKEDQHA4.js";
import "./chunk-TPDMPUOJ.js";
import "./chunk-BKTBR2MQ.js";
import "./chunk-KOPAMTGC.js";
import "./chunk-GFWGNPAP.js";
export {
  firstLine,
  openFailure,
  openRepo
};
