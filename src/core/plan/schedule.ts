// Slots for one region: K a week over N weeks in its local time, at the start of its best-time window (or spread
// over the waking day where there is none), each with a tag set from the picker, rotated so that consecutive posts
// do not repeat one set.
import type { RegionPicks } from '../../shared/discover';
import type { PlanSlot, TimingEvidence } from '../../shared/plan';
import { zonedToUtc } from './time-zones';

export interface ScheduleOptions {
  /** First local date, "YYYY-MM-DD". */
  from: string;
  weeks: number;
  perWeek: number;
  /** Tags in each set (default 5). */
  setSize?: number;
}

/** Waking hours to spread posts over where no window beats chance. */
const SPREAD_HOURS = [9, 12, 15, 18, 20] as const;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/**
 * Tag sets in rotation: circular windows of `size` over the picks, each starting where the last ended. With more
 * picks than `size`, consecutive sets differ; with `size` picks or fewer there is one set.
 */
export function rotatedSets(picks: RegionPicks, size: number, count: number): RegionPicks['picks'][] {
  const all = picks.picks;
  if (all.length <= size) return Array.from({ length: count }, () => all);
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: size }, (_, k) => all[(i * size + k) % all.length]!),
  );
}

export function scheduleRegion(
  timing: TimingEvidence,
  picks: RegionPicks,
  opts: ScheduleOptions,
): PlanSlot[] {
  const { region, timeZone, bestTime } = timing;
  const total = opts.weeks * opts.perWeek;
  const sets = rotatedSets(picks, opts.setSize ?? 5, total);
  const startHour = bestTime ? Number(bestTime.from.slice(0, 2)) : 0;
  const width = bestTime ? (Number(bestTime.to.slice(0, 2)) - startHour + 24) % 24 || 24 : 0;
  const slots: PlanSlot[] = [];
  const perDay = new Map<string, number>();
  for (let w = 0; w < opts.weeks; w++) {
    for (let i = 0; i < opts.perWeek; i++) {
      const n = w * opts.perWeek + i;
      const date = addDays(opts.from, w * 7 + Math.floor((i * 7) / opts.perWeek));
      const nth = perDay.get(date) ?? 0;
      perDay.set(date, nth + 1);
      // A second post on one day goes an hour later in the window, or to the next waking hour.
      const hour = bestTime
        ? (startHour + (nth % width)) % 24
        : SPREAD_HOURS[(n + nth) % SPREAD_HOURS.length]!;
      const time = hh(hour);
      const set = sets[n] ?? [];
      slots.push({
        region,
        date,
        time,
        timeZone,
        start: new Date(zonedToUtc(timeZone, date, hour, 0)).toISOString(),
        uid: `tagfit-plan-${region}-${date.replaceAll('-', '')}T${time.replace(':', '')}-${nth}@tagfit.invalid`,
        tags: set.map((p) => p.tag),
        reasons: set.map((p) => `#${p.tag}: ${p.reason}`),
        atBestTime: bestTime !== null,
      });
    }
  }
  return slots;
}
