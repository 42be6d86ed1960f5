// A workspace's run history as the CLI prints it and the app shows it: the run list and the comparison of two runs.
import type { PresetName, RegionCode } from './model';

export interface RunSummary {
  id: string;
  now: string;
  preset: PresetName;
  regions: RegionCode[];
  /** Distinct hashtags ranked in at least one region. */
  tags: number;
  creditsUsed: number;
  stopped: boolean;
  path: string;
  /** The name of the computer that made the run (runs recorded before shared workspaces have none). */
  device?: string;
}

export interface ComparedSide {
  rank: number;
  score: number;
  velocity: number;
  density: number;
  overlap: number;
  userCount: number;
  viewCount: number;
}

export interface ComparedTag {
  tag: string;
  candidate: string;
  /** `both`: ranked in both runs; `new`: only in the later one; `gone`: only in the earlier one. */
  status: 'both' | 'new' | 'gone';
  before: ComparedSide | null;
  after: ComparedSide | null;
  scoreChange: number | null;
  /** Positive = moved up. */
  rankChange: number | null;
  velocityChange: number | null;
  userCountGrowthPerWeek: number | null;
  viewCountGrowthPerWeek: number | null;
}

export interface RegionComparison {
  region: RegionCode;
  /** Tags in both runs and new ones in the later run's rank order, then gone ones in the earlier run's. */
  rows: ComparedTag[];
  newTags: string[];
  goneTags: string[];
}

export interface RunComparison {
  before: { id?: string; now: string };
  after: { id?: string; now: string };
  days: number;
  regions: Record<RegionCode, RegionComparison>;
  /** Set when the runs measured differently ("not comparable: window 14 → 7 days"): no score, rank or velocity moves. */
  notComparable?: string;
  /** Set when the runs differ only in their candidates: score and rank changes are over the tags both ranked. */
  comparedOver?: string;
}
