import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub,
  publishFromArtifact
} from "./chunk-7Y34RX37.js";
import "./chunk-AROJW2XN.js";
import "./chunk-63XBXJAC.js";
import "./chunk-B3UAENMU.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-4L5BNI75.js";
import "./chunk-TCURXLSW.js";
import "./chunk-FIDXDCT4.js";
import "./chunk-G7ZQVM5D.js";
import "./chunk-JT6VSTW5.js";
import "./chunk-4H3Y5NYT.js";
import "./chunk-EDCSKNQF.js";
export {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub,
  publishFromArtifact
};
