import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  artifactName,
  commonFolder,
  downloadRunArtifact,
  requireArtifactCredentials,
  uploadRunArtifact
} from "./chunk-IJIOASQS.js";
import "./chunk-BZCHYY7N.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-2IZJAXB4.js";
import "./chunk-DDDN6DMD.js";
import "./chunk-FCTVIH2T.js";
export {
  artifactName,
  commonFolder,
  downloadRunArtifact,
  requireArtifactCredentials,
  uploadRunArtifact
};
