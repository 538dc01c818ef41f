import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  prepareRepo,
  trainAndRecord
} from "./chunk-NLMQQJFJ.js";
import "./chunk-RY7XRNUJ.js";
import "./chunk-557MTL2E.js";
import "./chunk-RXS57EFW.js";
import "./chunk-7WTKOJ3K.js";
import "./chunk-PPS5OZDR.js";
import "./chunk-O4DAKSRG.js";
import {
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import {
  RUN_RECORD_FILE
} from "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-AV5HAPW5.js";
import "./chunk-JSQIMT2O.js";
import "./chunk-IMLL2YKW.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-U24SNM4K.js";
import "./chunk-KUD2POCN.js";
import {
  trainingPlanOf
} from "./chunk-VRURZYB3.js";
import "./chunk-L43LQIL3.js";
import "./chunk-XU3WJNQF.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
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
  const trained = await trainAndRecord(trainingPlanOf(settings.config), repo, context);
  const recordPath = path.join(trained.outDir, RUN_RECORD_FILE);
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
export {
  recordOnly
};
