import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  outputTailText,
  processEndPhrase
} from "./chunk-U24SNM4K.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/training-failure.ts
init_define_REPRO_CHART_LIBRARY();
function trainingFailure(what, subject, result, timeoutMinutes) {
  const why = processEndPhrase(result, `${timeoutMinutes} minutes (timeout-minutes)`);
  return new ReproError(`${what} ${why}: ${subject}
${outputTailText(result)}`, {
    hint: result.timedOut ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).` : result.cancelled ? "The job was cancelled (or the runner stopped it); its training process group was stopped with it." : "Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training."
  });
}

export {
  trainingFailure
};
