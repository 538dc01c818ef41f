import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  firstLine,
  openRepo
} from "./chunk-CBJYIUHC.js";
import "./chunk-TPDMPUOJ.js";
import "./chunk-BKTBR2MQ.js";
import "./chunk-KOPAMTGC.js";
import "./chunk-GFWGNPAP.js";
export {
  firstLine,
  openRepo
};
