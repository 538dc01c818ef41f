import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  prepareRepo
} from "./chunk-TSBPEDO7.js";
import {
  trainAndRecord
} from "./chunk-YGTOSCVT.js";
import "./chunk-FGECTIXH.js";
import "./chunk-HZAAV3XK.js";
import "./chunk-OVI3PV4X.js";
import {
  serializeDocument
} from "./chunk-HUU5U23F.js";
import "./chunk-OR34RBAR.js";
import "./chunk-EDD35MAI.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-YHXNFVL5.js";
import "./chunk-JNZOPF5K.js";
import "./chunk-2BMG6D22.js";
import "./chunk-UGAHOFV2.js";
import "./chunk-VTD6APR2.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
import "./chunk-PA5XLRHK.js";
import "./chunk-VTHSDFUV.js";
import "./chunk-DBEUN44C.js";
import "./chunk-4LWL47T5.js";
import {
  writeFileAtomic
} from "./chunk-HX7VJSHX.js";
import "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/record-only.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function recordOnly(settings, context, gate = {}) {
  const repo = await prepareRepo(settings.config, context, gate);
  const trained = await trainAndRecord(settings.config, repo, context);
  const recordPath = path.join(trained.outDir, "run-record.json");
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
export {
  recordOnly
};
