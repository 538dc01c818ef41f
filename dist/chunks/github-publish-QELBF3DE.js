import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub
} from "./chunk-OJFBKC72.js";
import "./chunk-ZSJY4YLW.js";
import "./chunk-WUFREVH5.js";
import "./chunk-I4ZNRY5B.js";
import "./chunk-3LQNZVYX.js";
import "./chunk-CJ6H7QP4.js";
import "./chunk-GFWGNPAP.js";
export {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub
};
