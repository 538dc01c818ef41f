import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
} from "./chunk-FFIWSJJ3.js";
import "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";
export {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
};
