import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file by temp + rename in the same directory, so a reader (or a crash) never sees
 * half a baseline or run record and the old file stays whole until the new one is complete.
 */
export async function writeFileAtomic(filePath: string, content: string | Uint8Array): Promise<void> {
  await writeAtomicWith(filePath, (handle) => handle.writeFile(content));
}

/**
 * The same for a file written piece by piece (a merged checkpoint larger than memory): `write`
 * gets the temp file's handle; the file appears at `filePath` only once `write` has resolved.
 */
export async function writeAtomicWith(filePath: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await write(handle);
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
