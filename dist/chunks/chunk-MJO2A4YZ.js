import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/checkpoints/sniff.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var PICKLE_EXTENSIONS = [".pt", ".pth", ".bin", ".ckpt"];
var SAVE_AS_SAFETENSORS = 'PyTorch pickle: save with `safetensors.torch.save_file` instead:\n  from safetensors.torch import save_file\n  save_file(model.state_dict(), "out/ckpt-{step}.safetensors", metadata={"step": str(step)})';
function pickleExtension(pathOrGlob) {
  const lower = pathOrGlob.toLowerCase();
  return PICKLE_EXTENSIONS.find((extension) => lower.endsWith(extension)) ?? null;
}
function describeForeignWeights(firstBytes, file) {
  const starts = (...signature) => signature.every((byte, index) => firstBytes[index] === byte);
  const extension = path.extname(file).toLowerCase();
  if (starts(80, 75, 3, 4)) return `it is a zip archive (what \`torch.save\` writes). ${SAVE_AS_SAFETENSORS}`;
  if (firstBytes[0] === 128 && firstBytes[1] !== void 0 && firstBytes[1] >= 2 && firstBytes[1] <= 5)
    return `it is a Python pickle (protocol ${firstBytes[1]}). ${SAVE_AS_SAFETENSORS}`;
  if (starts(137, 72, 68, 70, 13, 10, 26, 10))
    return "it is an HDF5 file (Keras .h5 weights); save the weights as safetensors, or as a TensorFlow.js model.json with weight shards";
  if (starts(71, 71, 85, 70))
    return "it is a GGUF file (llama.cpp); compare the safetensors checkpoint it was converted from";
  if (starts(147, 78, 85, 77, 80, 89))
    return "it is a NumPy .npy array; save arrays with `safetensors.numpy.save_file`";
  if (PICKLE_EXTENSIONS.includes(extension))
    return `its name ends in ${extension}, used for pickles. ${SAVE_AS_SAFETENSORS}`;
  return null;
}

export {
  SAVE_AS_SAFETENSORS,
  pickleExtension,
  describeForeignWeights
};
