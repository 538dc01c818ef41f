import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  prepareRepo
} from "./chunk-6ZBKY7FV.js";
import {
  trainAndRecord
} from "./chunk-RI2GIVHQ.js";
import "./chunk-W42YVMJW.js";
import "./chunk-EXNMS6RL.js";
import "./chunk-STU55N2L.js";
import "./chunk-HQZEXTL7.js";
import {
  serializeDocument
} from "./chunk-UXIL344N.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-GT4JQZCA.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-U7ABJGOV.js";
import "./chunk-7BVDV4S2.js";
import "./chunk-UM2EBPGX.js";
import "./chunk-7BHKTXGZ.js";
import "./chunk-Z2KNO6IU.js";
import "./chunk-DBEUN44C.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-N3HAK6MM.js";
import "./chunk-NV534FCQ.js";
import "./chunk-4NT54M3U.js";
import "./chunk-OFCAAITS.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-4LWL47T5.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
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
