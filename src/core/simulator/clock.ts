// The simulator's clock: answers change by the hour, and lifetime counts grow (and saturate) from the epoch.

const HOUR = 3_600_000;
export const DAY_S = 86_400;
export const WEEK = 7 * 24 * HOUR;

export const hourOf = (nowMs: number): number => Math.floor(nowMs / HOUR) * HOUR;

/** Logistic growth from the epoch: ≈ weeklyGrowth per week at first, saturating at base × saturation. */
export function lifetimeCount(base: number, weeklyGrowth: number, saturation: number, weeks: number): number {
  if (weeklyGrowth <= 0 || base <= 0) return base;
  const cap = base * Math.max(saturation, 1.0001);
  const w = Math.max(-520, Math.min(5200, weeks));
  return cap / (1 + (cap / base - 1) * Math.exp(-Math.log1p(weeklyGrowth) * w));
}

/** Rounded to `sig` significant digits, as the API rounds big lifetime counts. */
export function roundSig(n: number, sig: number): number {
  if (n < 10 ** sig) return Math.round(n);
  const step = 10 ** (Math.floor(Math.log10(n)) + 1 - sig);
  return Math.round(n / step) * step;
}

export const smoothstep = (x: number): number => {
  const t = Math.max(0, Math.min(1, x));
  return t * t * (3 - 2 * t);
};

export const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
