import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  firstLine,
  openFailure,
  openRepo
} from "./chunk-POGUDY43.js";
import "./chunk-VDH5N6JF.js";
import "./chunk-UV23MCD5.js";
import "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";
export {
  firstLine,
  openFailure,
  openRepo
};
