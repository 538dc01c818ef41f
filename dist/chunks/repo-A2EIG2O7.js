import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  firstLine,
  openRepo
} from "./chunk-MVPSW4BJ.js";
import "./chunk-KOPAMTGC.js";
import "./chunk-BKTBR2MQ.js";
import "./chunk-GFWGNPAP.js";
export {
  firstLine,
  openRepo
};
