import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  prepareRepo
} from "./chunk-JDQKXCCS.js";
import "./chunk-POGUDY43.js";
import "./chunk-VDH5N6JF.js";
import {
  trainAndRecord
} from "./chunk-662RSX4I.js";
import {
  serializeDocument
} from "./chunk-RGU3UPBW.js";
import "./chunk-EKFKRKUQ.js";
import "./chunk-FFIWSJJ3.js";
import "./chunk-KQYA27FT.js";
import "./chunk-ZXZIR2NE.js";
import "./chunk-CRRUE2XT.js";
import "./chunk-22M5EIFX.js";
import "./chunk-B3UAENMU.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import "./chunk-6WVETXQX.js";
import "./chunk-UV23MCD5.js";
import {
  writeFileAtomic
} from "./chunk-UTVMXS7R.js";
import "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";

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
