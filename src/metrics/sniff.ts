import { startsWithTfRecordHeader } from './tensorboard/tfrecord.ts';

/** How many bytes from the start of a file `sniffFormat` looks at. */
export const SNIFF_BYTES = 4096;

export type SniffedFormat =
  | 'tensorboard'
  | 'torch-pickle'
  | 'torch-zip'
  | 'zip'
  | 'numpy'
  | 'parquet'
  | 'hdf5'
  | 'safetensors'
  | 'gzip'
  | 'utf16'
  | 'binary'
  | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", a zip local file header (APPNOTE.TXT 4.3.7)
const NUMPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY" (numpy.lib.format)
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1" (Apache Parquet file format)
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]; // "\x89HDF\r\n\x1a\n" (HDF5 superblock signature)
const GZIP_MAGIC = [0x1f, 0x8b]; // RFC 1952
const UTF16LE_BOM = [0xff, 0xfe]; // Excel's "Unicode text", PowerShell's default redirection
const UTF16BE_BOM = [0xfe, 0xff];
const PICKLE_PROTO = 0x80; // pickle's PROTO opcode, then the protocol (2 to 5); torch.save before 1.6 writes one

/**
 * Tells a metric file's format from its first bytes (up to SNIFF_BYTES of them, fewer for a short
 * file), never from its name. Magic numbers are those the formats publish; a TensorBoard event file
 * is recognised by its first TFRecord header, whose length CRC must check. A zip archive is told to be
 * PyTorch's when its first entry is `<name>/data.pkl` or similar (torch.save's layout since PyTorch
 * 1.6). safetensors is an 8-byte header length followed by `{`. What is none of these is `binary` when
 * it holds a NUL byte or is not valid UTF-8, else `text`; UTF-16 text (told by its byte-order mark) is
 * named as such, since an editor can re-save it as UTF-8.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (startsWithTfRecordHeader(head)) return 'tensorboard';
  if (startsWith(head, ZIP_MAGIC)) return isTorchZip(head) ? 'torch-zip' : 'zip';
  if (startsWith(head, NUMPY_MAGIC)) return 'numpy';
  if (startsWith(head, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(head, HDF5_MAGIC)) return 'hdf5';
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) return 'utf16';
  if (head.length >= 2 && head[0] === PICKLE_PROTO && head[1]! >= 2 && head[1]! <= 5) return 'torch-pickle';
  if (isSafetensorsHeader(head)) return 'safetensors';
  if (head.includes(0) || !isUtf8Prefix(head)) return 'binary';
  return 'text';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/** The first zip entry's name sits at offset 30, its length at 26 (APPNOTE.TXT 4.3.7). */
function isTorchZip(head: Uint8Array): boolean {
  if (head.length < 30) return false;
  const nameLength = head[26]! | (head[27]! << 8);
  const name = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
  return /(^|\/)(data\.pkl|version|\.data\/version)$/.test(name);
}

/** safetensors: a little-endian uint64 header length, then that many bytes of JSON starting with `{`. */
function isSafetensorsHeader(head: Uint8Array): boolean {
  if (head.length < 10 || head[8] !== 0x7b) return false;
  const view = new DataView(head.buffer, head.byteOffset, 8);
  return view.getUint32(4, true) === 0 && view.getUint32(0, true) > 1;
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8Prefix(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const LOG_INSTEAD =
  'Log scalars as JSONL (one JSON object per step), CSV with a header row, or TensorBoard event files, and point `metrics` there.';

/** What a refused format is, in words, and what the user can do: for messages. */
export const REFUSED_FORMATS: Record<Exclude<SniffedFormat, 'tensorboard' | 'text'>, { what: string; todo: string }> = {
  'torch-pickle': {
    what: 'a PyTorch file written by torch.save (a pickle, the format before PyTorch 1.6)',
    todo: `repro-check does not unpickle files (unpickling runs code). ${LOG_INSTEAD} Weights are compared through \`checkpoints\` (safetensors).`,
  },
  'torch-zip': {
    what: 'a PyTorch file written by torch.save (a zip archive holding a pickle)',
    todo: `repro-check does not unpickle files (unpickling runs code). ${LOG_INSTEAD} Weights are compared through \`checkpoints\` (safetensors).`,
  },
  zip: { what: 'a zip archive (e.g. NumPy .npz, a Keras .keras model)', todo: LOG_INSTEAD },
  numpy: { what: 'a NumPy .npy array', todo: `${LOG_INSTEAD} (np.savetxt with a header row writes a CSV.)` },
  parquet: {
    what: 'an Apache Parquet file',
    todo: `Export it with pandas, \`pd.read_parquet(p).to_csv(out, index=False)\`, or: ${LOG_INSTEAD}`,
  },
  hdf5: {
    what: 'an HDF5 file (e.g. Keras .h5 weights)',
    todo: `${LOG_INSTEAD} (Keras: the CSVLogger or TensorBoard callback.)`,
  },
  safetensors: {
    what: 'a safetensors checkpoint',
    todo: `Weights belong in \`checkpoints\`, not \`metrics\`. ${LOG_INSTEAD}`,
  },
  gzip: { what: 'a gzip-compressed file', todo: 'Decompress it first (gunzip), then point `metrics` at the text log.' },
  utf16: {
    what: 'UTF-16 text',
    todo: 'Save it as UTF-8 (Excel: "CSV UTF-8"; PowerShell: Out-File -Encoding utf8), then point `metrics` at it.',
  },
  binary: { what: 'a binary file in no format repro-check reads', todo: LOG_INSTEAD },
};
