/**
 * The trainer's seeded random generator: xoshiro128** (Blackman & Vigna), its 128-bit state
 * filled from the seed by splitmix32. All arithmetic is 32-bit integer (Math.imul, >>>), so a
 * seed gives the same sequence on every platform and Node version; normal() adds only
 * Math.log/cos/sqrt, which V8 computes with its own portable fdlibm port.
 */
export interface SeededRandom {
  /** A double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal draw (Box-Muller). */
  normal(): number;
  /** An integer in [0, n), without modulo bias. */
  int(n: number): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** A fresh seed for a tfjs op or initializer, in [1, 2^31 - 1]: never 0, which some ops read as "unseeded". */
  nextSeed(): number;
  /** The generator's 128-bit state as four uint32 words (JSON-safe), for a saved training state. */
  getState(): GeneratorState;
  /** Puts back a state from getState(): the draws that follow are the ones that followed it. @throws RangeError on anything but four uint32 words, not all zero. */
  setState(state: readonly number[]): void;
}

/** xoshiro128**'s state: four uint32 words. */
export type GeneratorState = [number, number, number, number];

/**
 * A generator seeded with `seed`; the same seed gives the same draws everywhere.
 * @param seed an integer in [0, 2^32 − 1]
 * @throws RangeError for any other seed.
 */
export function createRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError(`seed must be an integer in [0, 2^32 - 1], got ${seed}`);
  let mix = seed | 0;
  const splitmix32 = () => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  const uniform = () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000)
      throw new RangeError(`int(n) needs an integer n in [1, 2^32], got ${n}`);
    // Draws at or above the largest multiple of n are redrawn, so every residue is equally likely.
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const draw = nextUint32();
      if (draw < limit) return draw % n;
    }
  };

  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    nextSeed: () => 1 + int(0x7fffffff),
    // The words are kept as signed int32 internally; the saved form is unsigned so it reads the same in any language.
    getState: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
    setState(state) {
      const valid =
        state.length === 4 && state.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff);
      // An all-zero state is xoshiro's one fixed point: it would draw zeros forever.
      if (!valid || state.every((word) => word === 0))
        throw new RangeError(`a generator state is four uint32 words, not all zero; got ${JSON.stringify(state)}`);
      [s0, s1, s2, s3] = state.map((word) => word | 0) as GeneratorState;
    },
  };
}
