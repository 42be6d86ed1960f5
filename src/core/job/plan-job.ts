// The plan job, for the CLI and the app alike: from a run's samples (0 credits), per region the best time to post
// and K slots a week with rotated tag sets from the picker; and the plan's files (iCalendar, CSV) written safely.
import type { RegionCode } from '../../shared/model';
import type { ContentPlan, RegionPlan } from '../../shared/plan';
import type { Equivalent } from '../../shared/localize';
import { TagfitError } from '../errors';
import { bestTimeOf } from '../plan/best-time';
import { renderPlanCsv } from '../plan/plan-csv';
import { renderPlanIcs } from '../plan/ics';
import { scheduleRegion } from '../plan/schedule';
import { localDate, timeZoneOf } from '../plan/time-zones';
import { sampleKey } from '../pipeline/run';
import { type ReportFile, writeReports, type WrittenFile } from '../report/write';
import { picksOf, type SampledRun } from './discover-job';

export const PLAN_FORMATS = ['ics', 'csv'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanRequest {
  /** The run's samples, with the clock they were read at (`result.now`). */
  run: SampledRun & { result: { now: string } };
  weeks: number;
  perWeek: number;
  /** First local date "YYYY-MM-DD" (default: the day after `now`). */
  from?: string;
  /** Tags in each set (default 5). */
  setSize?: number;
  /** The clock the plan is made at, epoch ms. */
  now: number;
  /** Only these regions (default: every region of the run). */
  regions?: readonly RegionCode[];
  /** Permutations for the best-time test (default 999). */
  permutations?: number;
  /** Sampled local variants: a set posts with one where it outscores its candidate (core/localize). */
  localised?: readonly Equivalent[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a plan's numbers and date; every problem names the option as the CLI spells it. */
function checkPlanRequest(r: Pick<PlanRequest, 'weeks' | 'perWeek' | 'from'>): void {
  if (!Number.isInteger(r.weeks) || r.weeks < 1 || r.weeks > 26)
    throw new TagfitError('input', `--weeks must be a whole number from 1 to 26 (got ${r.weeks}).`);
  if (!Number.isInteger(r.perWeek) || r.perWeek < 1 || r.perWeek > 14)
    throw new TagfitError('input', `--per-week must be a whole number from 1 to 14 (got ${r.perWeek}).`);
  if (r.from !== undefined && (!DATE.test(r.from) || Number.isNaN(Date.parse(`${r.from}T00:00:00Z`))))
    throw new TagfitError('input', `--from must be a date such as 2026-12-07 (got "${r.from}").`);
}

export function planOf(req: PlanRequest): ContentPlan {
  checkPlanRequest(req);
  const setSize = req.setSize ?? 5;
  const from = req.from ?? localDate('UTC', req.now + 86_400_000);
  const runNow = Date.parse(req.run.result.now);
  // Twice the set size, so that sets can rotate.
  const picks = new Map(picksOf(req.run, Math.min(30, setSize * 2), req.localised).map((p) => [p.region, p]));
  const regions: Record<RegionCode, RegionPlan> = {};
  const skipped: ContentPlan['skipped'] = [];
  const wanted = req.regions ?? Object.keys(req.run.result.regions);
  for (const region of wanted) {
    const result = req.run.result.regions[region];
    if (!result) continue;
    let timeZone: string;
    try {
      timeZone = timeZoneOf(region);
    } catch (e) {
      // One region without a known zone does not stop the others' plans; it is said.
      if (!(e instanceof TagfitError)) throw e;
      skipped.push({ region, reason: e.message });
      continue;
    }
    const tags = result.ranked.map((t) => t.candidate);
    const samples = tags.map((tag) => ({
      tag,
      posts: req.run.data.samples.get(sampleKey(region, tag)) ?? [],
    }));
    const evidence = bestTimeOf(samples, {
      region,
      timeZone,
      now: Number.isNaN(runNow) ? req.now : runNow,
      permutations: req.permutations,
    });
    const slots = scheduleRegion(evidence, picks.get(region) ?? { region, picks: [], passedOver: [] }, {
      from,
      weeks: req.weeks,
      perWeek: req.perWeek,
      setSize,
    });
    regions[region] = { bestTime: evidence.bestTime, timeZone, evidence, slots };
  }
  return { from, weeks: req.weeks, perWeek: req.perWeek, regions, skipped };
}

/** The plan's files, named by its first date: plan-2026-12-07.ics, plan-2026-12-07.csv. */
function planFiles(plan: ContentPlan, formats: readonly PlanFormat[], stamp: Date): ReportFile[] {
  return formats.map((f) => ({
    name: `plan-${plan.from}.${f}`,
    content: f === 'ics' ? renderPlanIcs(plan, stamp) : renderPlanCsv(plan),
  }));
}

export function parsePlanFormats(list: string): PlanFormat[] {
  const formats = list
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  for (const f of formats)
    if (!(PLAN_FORMATS as readonly string[]).includes(f))
      throw new TagfitError('input', `--format "${f}" is not a plan format: use ics, csv or both (ics,csv).`);
  return [...new Set(formats)] as PlanFormat[];
}

/** Writes the plan's files into `dir`, each atomically (the reports' writer). */
export function writePlan(
  dir: string,
  plan: ContentPlan,
  formats: readonly PlanFormat[],
  stamp: Date,
): Promise<WrittenFile[]> {
  return writeReports(dir, planFiles(plan, formats, stamp));
}
