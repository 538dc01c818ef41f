import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  verdictToJson
} from "./chunk-QJRFEJTY.js";
import "./chunk-KZVXPLSD.js";
import "./chunk-GFWGNPAP.js";
export {
  verdictToJson
};
