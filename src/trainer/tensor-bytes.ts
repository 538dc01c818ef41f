import type { Tf } from './backend.ts';
import type { SafetensorsTensor } from '../safetensors/format.ts';
import type { Dtype } from '../safetensors/dtypes.ts';

type Tensor = import('@tensorflow/tfjs').Tensor;

/**
 * tfjs tensors to safetensors entries and back, for checkpoints and the saved training state.
 * Node runs on little-endian hosts only, so typed-array bytes are already safetensors' byte order.
 */
const TF_TO_SAFETENSORS: Readonly<Record<string, Dtype>> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };

/**
 * Reads a tensor's values into a safetensors entry (a copy: the tensor may be disposed after).
 * @throws TypeError for a tfjs dtype safetensors cannot hold here (complex64, string).
 */
export async function toSafetensor(name: string, tensor: Tensor): Promise<SafetensorsTensor> {
  const dtype = TF_TO_SAFETENSORS[tensor.dtype];
  if (!dtype)
    throw new TypeError(
      `tensor "${name}" has tfjs dtype ${tensor.dtype}; checkpoints and saved states hold float32, int32 and bool`,
    );
  const values = await tensor.data();
  const data =
    dtype === 'BOOL'
      ? Uint8Array.from(values as Uint8Array)
      : new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dtype, shape: [...tensor.shape], data };
}

/**
 * A new tfjs tensor holding an entry's values bit for bit; the caller disposes it.
 * @throws TypeError for a dtype other than F32, I32 or BOOL (what toSafetensor writes).
 */
export function fromSafetensor(tf: Tf, entry: SafetensorsTensor): Tensor {
  // A copy into a buffer of its own: a parsed entry is a view at any offset (typed arrays need
  // aligned ones), and a Buffer's slice() would still be a view into the file's pooled memory.
  const bytes = new Uint8Array(entry.data);
  switch (entry.dtype) {
    case 'F32':
      return tf.tensor(new Float32Array(bytes.buffer), entry.shape, 'float32');
    case 'I32':
      return tf.tensor(new Int32Array(bytes.buffer), entry.shape, 'int32');
    case 'BOOL':
      return tf.tensor(bytes, entry.shape, 'bool');
    default:
      throw new TypeError(`tensor "${entry.name}" is ${entry.dtype}; a saved training state holds F32, I32 and BOOL`);
  }
}
