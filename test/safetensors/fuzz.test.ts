/** Fuzz property of the safetensors reader (fast-check, fixed seed): any bytes give tensors or one of our errors. */
import { test } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSafetensors } from '../../src/safetensors/format.ts';
import { fingerprintCheckpoint } from '../../src/checkpoints/fingerprint.ts';
import { ReproError } from '../../src/errors.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fuzzParameters, returnsOrThrowsOurError } from '../support/fuzz.ts';

const fixture = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/safetensors/every_dtype_numpy.safetensors'),
);

/** A file with HEADER as its JSON header (its length prefix right) and DATA bytes after it. */
function withHeader(header: string, data: Uint8Array): Uint8Array {
  const json = Buffer.from(header, 'utf8');
  const bytes = new Uint8Array(8 + json.length + data.length);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  bytes.set(data, 8 + json.length);
  return bytes;
}

const tensorEntry = fc.record({
  dtype: fc.oneof(
    fc.constantFrom('F32', 'F16', 'BF16', 'I64', 'BOOL', 'U8', 'F8_E4M3', 'C64'),
    fc.string({ maxLength: 4 }),
  ),
  shape: fc.oneof(
    fc.array(fc.nat(6), { maxLength: 3 }),
    fc.array(fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 53)), { maxLength: 3 }),
  ),
  data_offsets: fc.oneof(fc.tuple(fc.nat(64), fc.nat(64)), fc.array(fc.integer(), { maxLength: 3 })),
});

const fileBytes = fc.oneof(
  // Headers of tensor entries, well formed or not, over some data.
  fc
    .tuple(
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('__metadata__', '__proto__')),
        fc.oneof(tensorEntry, fc.jsonValue({ maxDepth: 2 })),
        { maxKeys: 4 },
      ),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([header, data]) => withHeader(JSON.stringify(header), data)),
  // The real file with a few bytes changed, or cut short.
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat(fixture.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }),
      fc.nat(fixture.length),
    )
    .map(([flips, cut]) => {
      const bytes = new Uint8Array(fixture);
      for (const [at, value] of flips) bytes[at] = value;
      return bytes.subarray(0, Math.max(cut, fixture.length - 16));
    }),
  // A length prefix claiming anything.
  fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.uint8Array({ maxLength: 32 })).map(([length, rest]) => {
    const bytes = new Uint8Array(8 + rest.length);
    new DataView(bytes.buffer).setBigUint64(0, length, true);
    bytes.set(rest, 8);
    return bytes;
  }),
  fc.uint8Array({ maxLength: 64 }),
);

test('parseSafetensors: any bytes return tensors or throw our error, without a stack and in bounded time', () => {
  fc.assert(
    fc.property(fileBytes, (bytes) => {
      returnsOrThrowsOurError(() => parseSafetensors(bytes, 'fuzz.safetensors'));
    }),
    fuzzParameters(500),
  );
});

test('fingerprintCheckpoint (the streaming reader): any file returns fingerprints or throws our error naming the file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-fuzz-ckpt-'));
  const file = path.join(dir, 'fuzz.safetensors');
  try {
    await fc.assert(
      fc.asyncProperty(fileBytes, async (bytes) => {
        writeFileSync(file, bytes);
        try {
          await fingerprintCheckpoint(file);
        } catch (error) {
          if (!(error instanceof ReproError))
            throw new Error(`not one of our error classes: ${error instanceof Error ? error.stack : String(error)}`);
          if (!error.message.includes('fuzz.safetensors')) throw new Error(`the file is not named: ${error.message}`);
        }
      }),
      fuzzParameters(200),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
