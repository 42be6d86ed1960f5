// Seeded randomness: the simulator's reproducible data and the bootstrap's repeatable resamples.

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; plenty for synthetic data, never for secrets. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units with a final avalanche, so close strings give unrelated seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A PRNG seeded from any parts (tag id, region, hour…). */
export function rngFor(...parts: (string | number)[]): Rng {
  return mulberry32(hashString(parts.join('|')));
}

/** A stable number in [0, 1) for the parts, for per-tag or per-region variation that must not drift. */
export function unitFor(...parts: (string | number)[]): number {
  return rngFor(...parts)();
}

/** A standard normal draw (Box-Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal around a median: the usual shape of likes and follower counts. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A string of decimal digits, first digit fixed, like TikTok's numeric ids. */
export function digits(rng: Rng, first: string, length: number): string {
  let s = first;
  while (s.length < length) s += String(Math.floor(rng() * 10));
  return s;
}
