import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
} from "./chunk-3EIR24OK.js";
import "./chunk-BKTBR2MQ.js";
import "./chunk-GFWGNPAP.js";
export {
  collectEnvironment,
  diffEnvironments,
  execText,
  hashPath
};
