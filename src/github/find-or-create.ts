/**
 * "Find, else create" for GitHub objects that must exist once (the sticky comment, the check run).
 * A POST is never retried blindly: one answered 5xx or timed out may have landed with its answer
 * lost (a proxy's 502), so the object is looked for again before each new create.
 */
import { isTransient } from './write-failure.ts';

/** Attempts at "find, else create" when a create fails in a way that may still have landed. */
export const CREATE_ATTEMPTS = 3;

/**
 * Returns what FIND found (`created: false`) or what CREATE made. CREATE must send its POST with
 * `request: { retries: 0 }`. Throws FIND's error, CREATE's error when it is not transient (a 4xx
 * will not change), or the last transient one after CREATE_ATTEMPTS.
 */
export async function findOrCreate<T>(
  find: () => Promise<T | undefined>,
  create: () => Promise<T>,
  onTransientFailure: (error: unknown, attempt: number) => void = () => undefined,
): Promise<{ value: T; created: boolean }> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
    const found = await find();
    if (found !== undefined) return { value: found, created: false };
    try {
      return { value: await create(), created: true };
    } catch (error) {
      if (!isTransient(error)) throw error;
      lastError = error;
      onTransientFailure(error, attempt);
    }
  }
  throw lastError;
}
