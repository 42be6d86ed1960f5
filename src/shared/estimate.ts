// The credit estimate shown before a run (CLI and app).
import type { SkippedRow } from './list-draft';

export interface CreditEstimate {
  /** Answers the cache will give (no credit). */
  fromCache: number;
  /** Credits still to spend: at least `min` (one per missing first page and info), at most `max` (every page). */
  network: { min: number; max: number };
  /**
   * Credits the run is expected to spend: `max` (the worst case) when every page is fetched; with adaptive sampling
   * page 1 of every pair and the share of later pages the bench measured for a list of this size.
   */
  expected: number;
  /** What the reference method would spend on the same lists at most (info per tag per region + every page). */
  reference: number;
  /** Hashtag-region pairs whose sample is wholly in the cache. */
  pairsCached: number;
  pairs: number;
  /** Rows of the lists' drafts that the run skips (refused by the list rules), each with why. */
  skipped?: SkippedRow[];
}
