import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  prepareRepo,
  trainAndRecord
} from "./chunk-CEFSYVCH.js";
import {
  serializeDocument
} from "./chunk-YH2Q2MA6.js";
import "./chunk-WKEDQHA4.js";
import "./chunk-TPDMPUOJ.js";
import "./chunk-3EIR24OK.js";
import "./chunk-PKFXOPID.js";
import "./chunk-KZVXPLSD.js";
import "./chunk-Z3Z5WYT2.js";
import "./chunk-I4ZNRY5B.js";
import "./chunk-QDSYF3PB.js";
import "./chunk-BKTBR2MQ.js";
import "./chunk-KOPAMTGC.js";
import {
  writeFileAtomic
} from "./chunk-UCXDISJA.js";
import "./chunk-GFWGNPAP.js";

// src/modes/record-only.ts
import path from "node:path";
async function recordOnly(settings, context) {
  const repo = await prepareRepo(settings.config, context);
  const trained = await trainAndRecord(settings.config, repo, context);
  const recordPath = path.join(trained.outDir, "run-record.json");
  await writeFileAtomic(recordPath, serializeDocument(trained.record));
  return { recordPath, trained };
}
export {
  recordOnly
};
