import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { errnoMeaning, ReproError } from '../errors.ts';

/** The temp file beside FILEPATH that a write goes through (dot-prefixed, unique per process and call). */
function tempPathFor(filePath: string): string {
  return path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** "cannot write LABEL: no space left on device" for an errno error; anything else as it is. */
function writeFailure(error: unknown, label: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new ReproError(`cannot write ${label}: ${errnoMeaning(code)}`, {
    cause: error,
    hint: 'Free space or make the folder writable, then run again; the previous file is left as it was.',
  });
}

/**
 * Writes a file by temp + rename in the same directory, so a reader (or a crash) never sees
 * half a baseline or run record and the old file stays whole until the new one is complete.
 * A failed write leaves no temp file and throws a ReproError naming LABEL (default: the path)
 * and the reason (no space left, read-only file system, permission denied).
 */
export async function writeFileAtomic(filePath: string, content: string | Uint8Array, label = filePath): Promise<void> {
  await writeAtomicWith(filePath, (handle) => handle.writeFile(content), label);
}

/**
 * The same for a file written piece by piece (a merged checkpoint larger than memory): `write`
 * gets the temp file's handle; the file appears at `filePath` only once `write` has resolved.
 * Throws as writeFileAtomic does.
 */
export async function writeAtomicWith(
  filePath: string,
  write: (handle: FileHandle) => Promise<void>,
  label = filePath,
): Promise<void> {
  const temp = tempPathFor(filePath);
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    const handle = await open(temp, 'w');
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

/**
 * Checks, cheaply and before a long training, that FILEPATH could be replaced: its folder is
 * created if needed and a temp file as large as the current file (at least 4 KiB) is written
 * and removed there, so a read-only folder or a full disk is found in seconds, not after the
 * training. Throws the same ReproError as writeFileAtomic; leaves nothing behind.
 */
export async function checkWritable(filePath: string, label = filePath): Promise<void> {
  const size = await stat(filePath).then(
    (s) => s.size,
    () => 0,
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
