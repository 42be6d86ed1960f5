// The plan as a CSV for spreadsheets: one row per slot (date, local time, zone, region, tags, reasons), through the
// reports' writer conventions (UTF-8 with a BOM, CRLF, cells guarded against formula injection).
import type { ContentPlan } from '../../shared/plan';
import { stringifyCsv } from '../report/csv';

export const PLAN_CSV_COLUMNS = [
  'date',
  'local_time',
  'time_zone',
  'region',
  'start_utc',
  'tags',
  'reasons',
  'at_best_time',
  'uid',
] as const;

export function renderPlanCsv(plan: ContentPlan): string {
  const rows = Object.values(plan.regions).flatMap((r) =>
    r.slots.map((s) => ({
      date: s.date,
      local_time: s.time,
      time_zone: s.timeZone,
      region: s.region,
      start_utc: s.start,
      tags: s.tags.map((t) => `#${t}`).join(' '),
      reasons: s.reasons.join(' | '),
      at_best_time: s.atBestTime,
      uid: s.uid,
    })),
  );
  return stringifyCsv(rows, PLAN_CSV_COLUMNS);
}
