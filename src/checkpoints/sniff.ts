import path from 'node:path';

/**
 * Telling a weight file we do not read from one we do, by name (before training) and by its
 * first bytes (after). Pure. A pickle is never unpickled: loading one runs arbitrary code.
 */

/** Extensions PyTorch's `torch.save` and Lightning use; all are pickles (or zips of pickles). */
export const PICKLE_EXTENSIONS = ['.pt', '.pth', '.bin', '.ckpt'] as const;

/** What to do instead of a pickle: the two lines that save a state dict as safetensors. */
export const SAVE_AS_SAFETENSORS =
  'PyTorch pickle: save with `safetensors.torch.save_file` instead:\n' +
  '  from safetensors.torch import save_file\n' +
  '  save_file(model.state_dict(), "out/ckpt-{step}.safetensors", metadata={"step": str(step)})';

/** The pickle extension a path or glob ends with, or null (`out/*.pt` -> `.pt`). */
export function pickleExtension(pathOrGlob: string): string | null {
  const lower = pathOrGlob.toLowerCase();
  return PICKLE_EXTENSIONS.find((extension) => lower.endsWith(extension)) ?? null;
}

/**
 * What a file that is not safetensors looks like, from its first bytes (at least 8 when the
 * file has them) and its name: a sentence for the error, with what to do, or null when it
 * looks like nothing we know (the caller then reports the safetensors problem itself).
 */
export function describeForeignWeights(firstBytes: Uint8Array, file: string): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => firstBytes[index] === byte);
  const extension = path.extname(file).toLowerCase();
  if (starts(0x50, 0x4b, 0x03, 0x04)) return `it is a zip archive (what \`torch.save\` writes). ${SAVE_AS_SAFETENSORS}`;
  // Pickle protocol 2-5 starts with PROTO (0x80) and the protocol number.
  if (firstBytes[0] === 0x80 && firstBytes[1] !== undefined && firstBytes[1] >= 2 && firstBytes[1] <= 5)
    return `it is a Python pickle (protocol ${firstBytes[1]}). ${SAVE_AS_SAFETENSORS}`;
  if (starts(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a))
    return 'it is an HDF5 file (Keras .h5 weights); save the weights as safetensors, or as a TensorFlow.js model.json with weight shards';
  if (starts(0x47, 0x47, 0x55, 0x46))
    return 'it is a GGUF file (llama.cpp); compare the safetensors checkpoint it was converted from';
  if (starts(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59))
    return 'it is a NumPy .npy array; save arrays with `safetensors.numpy.save_file`';
  if ((PICKLE_EXTENSIONS as readonly string[]).includes(extension))
    return `its name ends in ${extension}, used for pickles. ${SAVE_AS_SAFETENSORS}`;
  return null;
}
