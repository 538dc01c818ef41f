import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub,
  publishFromArtifact,
  uploadFailureVerdict
} from "./chunk-Z65KSJH6.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-OON5QGX5.js";
import "./chunk-DBEUN44C.js";
import "./chunk-OFCAAITS.js";
import "./chunk-ETVR6HQY.js";
import "./chunk-CTBOW42Y.js";
import "./chunk-NV534FCQ.js";
import "./chunk-HG225RUB.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-DDDN6DMD.js";
import "./chunk-NLYP5N4V.js";
import "./chunk-FCTVIH2T.js";
export {
  acceptanceFinder,
  commentKeyOf,
  outcomeHeadline,
  publishBaselineToGithub,
  publishCheckToGithub,
  publishFailureToGithub,
  publishFromArtifact,
  uploadFailureVerdict
};
