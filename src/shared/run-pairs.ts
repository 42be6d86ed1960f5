// What a stopped run kept whole and what it left to fetch, counted in one place for the CLI's footer and the app's
// lines: a pair a stop cut short (ranked on the pages in hand, more to fetch) is left, not kept.
import type { RunResult } from './model';

export function pairsKeptAndLeft(result: RunResult): { kept: number; cutShort: number; unscored: number } {
  const ranked = Object.values(result.regions).reduce((n, r) => n + r.ranked.length, 0);
  const cutShort = result.stopped?.cutShort?.length ?? 0;
  return { kept: ranked - cutShort, cutShort, unscored: result.stopped?.unscored.length ?? 0 };
}
