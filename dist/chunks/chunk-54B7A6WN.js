import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  ReproError,
  errnoMeaning
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/fs/atomic-write.ts
init_define_REPRO_CHART_LIBRARY();
import { mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
function tempPathFor(filePath) {
  return path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
}
function writeFailure(error, label) {
  const code = error.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  return new ReproError(`cannot write ${label}: ${errnoMeaning(code)}`, {
    cause: error,
    hint: "Free space or make the folder writable, then run again; the previous file is left as it was."
  });
}
async function writeFileAtomic(filePath, content, label = filePath) {
  await writeAtomicWith(filePath, (handle) => handle.writeFile(content), label);
}
async function writeAtomicWith(filePath, write, label = filePath) {
  const temp = tempPathFor(filePath);
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    const handle = await open(temp, "w");
    try {
      await write(handle);
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeFailure(error, label);
  }
}
async function checkWritable(filePath, label = filePath) {
  const size = await stat(filePath).then(
    (s) => s.size,
    () => 0
  );
  const temp = tempPathFor(filePath);
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(temp, Buffer.alloc(Math.max(size, 4096)));
  } catch (error) {
    throw writeFailure(error, label);
  } finally {
    await rm(temp, { force: true });
  }
}

export {
  writeFileAtomic,
  writeAtomicWith,
  checkWritable
};
