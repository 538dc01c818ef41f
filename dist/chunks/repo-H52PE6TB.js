import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  firstLine,
  openFailure,
  openRepo
} from "./chunk-NU2UIHPB.js";
import "./chunk-VDH5N6JF.js";
import "./chunk-UV23MCD5.js";
import "./chunk-IOLXGZRS.js";
import "./chunk-EDCSKNQF.js";
export {
  firstLine,
  openFailure,
  openRepo
};
