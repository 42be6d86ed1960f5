// The content plan as the CLI's --json and the app show it (computed in core/plan): per region the best time to
// post with its evidence, or none, and the slots with their tag sets.
import type { RegionCode } from './model';

/** A window of local hours whose posts beat the rest by more than chance. */
export interface BestTime {
  /** Local start, "HH:MM". */
  from: string;
  /** Local end (exclusive), "HH:MM"; "00:00" is midnight. */
  to: string;
  /** The region's main IANA time zone, e.g. "America/Mexico_City". */
  timeZone: string;
  /** Typical likes inside the window ÷ outside (geometric, each post against its tag's median). */
  lift: number;
  /** 95 % bootstrap interval of the lift. */
  interval: [number, number];
  /** Family-wise p over every window looked at (max-statistic permutation). */
  p: number;
}

/** Likes by local hour of posting, relative to each tag's median (1 = typical), with a 95 % interval. */
export interface HourEvidence {
  hour: number;
  posts: number;
  lift: number;
  low: number;
  high: number;
}

export interface TimingEvidence {
  region: RegionCode;
  timeZone: string;
  bestTime: BestTime | null;
  /** What to tell the user, e.g. "no clear best time in DE: post when your audience is awake". */
  verdict: string;
  /** Posts the test used (a day old or more, dated, in a tag with enough posts). */
  posts: number;
  /** Posts left out because they were younger than a day: their likes are not final yet. */
  leftOutYoung: number;
  /** The strongest window looked at and its family-wise p, whether or not it beat chance. */
  strongest: { from: string; to: string; lift: number; p: number } | null;
  byHour: HourEvidence[];
}

export interface PlanSlot {
  region: RegionCode;
  /** Local date, "YYYY-MM-DD". */
  date: string;
  /** Local time, "HH:MM". */
  time: string;
  timeZone: string;
  /** The same moment in UTC, ISO 8601. */
  start: string;
  /** Stable across regenerations of the same plan: an import updates the event instead of doubling it. */
  uid: string;
  /** Hashtags without '#'. */
  tags: string[];
  /** Why each tag is in the set, in the order of `tags`. */
  reasons: string[];
  /** Whether the slot sits in the region's best-time window. */
  atBestTime: boolean;
}

export interface RegionPlan {
  bestTime: BestTime | null;
  timeZone: string;
  evidence: TimingEvidence;
  slots: PlanSlot[];
}

export interface ContentPlan {
  /** First local date of the plan, "YYYY-MM-DD". */
  from: string;
  weeks: number;
  perWeek: number;
  regions: Record<RegionCode, RegionPlan>;
  /** Regions left out of the plan, with why (no main time zone known for them). */
  skipped: { region: RegionCode; reason: string }[];
}
