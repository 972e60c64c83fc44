import fc from 'fast-check';

/**
 * The run's seed: JUMUN_FUZZ_SEED when set (to repeat a failure), else a fresh one. Every failure
 * message carries it.
 */
export function fuzzSeed(): number {
  const fromEnv = process.env.JUMUN_FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`JUMUN_FUZZ_SEED must be a non-negative integer, not ${fromEnv}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** A seed of its own for one part of the run (a route), so each part repeats whatever ran before it. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same requests. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A string matching a JSON-schema pattern, drawn by fast-check from this generator's stream. */
  matching(pattern: string): string {
    const [value] = fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: this.int(0, 2 ** 31 - 1), numRuns: 1 });
    return value ?? '';
  }
}
