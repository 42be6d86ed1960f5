// The one projection of a scored row: every field of a ScoredTag with its meaning and where each output shows it
// (--json, the CSV report, the Markdown and HTML reports, the stored history record, the app over IPC).
import type { ScoredTag } from './model';

/**
 * One field of a scored row. `csv`: the report CSV's columns that carry it (empty: not in the CSV). `report`: where
 * the Markdown and HTML reports show it (null: not shown). `history`: kept in the stored run. Every field is in
 * the `--json` rows under its own name (flags as `flags` and `reasons`) and reaches the app whole over IPC.
 */
export interface ScoredRowField {
  key: keyof ScoredTag;
  meaning: string;
  csv: readonly string[];
  report: string | null;
  history: boolean;
}

/** In the `--json` row order: the documented fields first, added ones after. */
export const SCORED_ROW_FIELDS = [
  {
    key: 'tag',
    meaning: "The hashtag's cha_name as TikLiveAPI answered.",
    csv: ['tag'],
    report: 'Tag',
    history: true,
  },
  {
    key: 'score',
    meaning: 'The 0-100 score within its region.',
    csv: ['score'],
    report: 'Score',
    history: true,
  },
  {
    key: 'velocity',
    meaning: "Raw velocity: the sample's share of posts made in the window.",
    csv: ['velocity'],
    report: 'Velocity',
    history: true,
  },
  {
    key: 'density',
    meaning: 'Raw density: likes per post as the preset summarises them.',
    csv: ['density'],
    report: 'Density',
    history: true,
  },
  {
    key: 'overlap',
    meaning: "Raw overlap: share of the sample's distinct authors who are target creators.",
    csv: ['overlap'],
    report: 'Overlap',
    history: true,
  },
  {
    key: 'sample',
    meaning: 'Posts used for the metrics.',
    csv: ['sample'],
    report: 'Sample',
    history: true,
  },
  {
    key: 'flags',
    meaning: 'Warnings (commercial, saturated, shadow-limited, small-sample, …), each with its reason.',
    csv: ['flags', 'flag_reasons'],
    report: 'Flags, and Flags and reasons',
    history: true,
  },
  {
    key: 'rank',
    meaning: 'Place in its region, 1 = best.',
    csv: ['rank'],
    report: 'Rank',
    history: true,
  },
  {
    key: 'candidate',
    meaning: 'The name as listed (normalised), shown as "asked as" when TikLiveAPI answered another.',
    csv: ['candidate'],
    report: 'Tag (asked as …)',
    history: true,
  },
  {
    key: 'normalised',
    meaning: "Velocity, density and overlap scaled 0-1 across the region's ranked tags (the score's parts).",
    csv: ['velocity_normalised', 'density_normalised', 'overlap_normalised'],
    report: null,
    history: false,
  },
  {
    key: 'served',
    meaning: 'Posts served before de-duplication.',
    csv: ['served'],
    report: 'Sample (of … served)',
    history: false,
  },
  {
    key: 'distinctAuthors',
    meaning: 'Distinct authors in the sample.',
    csv: ['distinct_authors'],
    report: 'Authors',
    history: false,
  },
  {
    key: 'targetAuthors',
    meaning: 'Distinct authors in the sample who are target creators.',
    csv: ['target_authors'],
    report: 'Target authors',
    history: false,
  },
  {
    key: 'medianLikes',
    meaning: 'Median likes per sampled post.',
    csv: ['median_likes'],
    report: 'Median likes',
    history: false,
  },
  {
    key: 'userCount',
    meaning: "TikTok's lifetime count of creators who used the tag.",
    csv: ['user_count'],
    report: null,
    history: true,
  },
  {
    key: 'viewCount',
    meaning: "TikTok's lifetime views of the tag.",
    csv: ['view_count'],
    report: null,
    history: true,
  },
  {
    key: 'isCommerce',
    meaning: 'An advertiser-run (branded) hashtag.',
    csv: ['is_commerce'],
    report: null,
    history: true,
  },
  {
    key: 'history',
    meaning: 'Momentum against the previous run: growth per week, score and rank change, velocity crossing.',
    csv: [
      'previous_run_at',
      'user_count_growth_per_week',
      'view_count_growth_per_week',
      'score_change',
      'rank_change',
      'previous_velocity',
      'crossed_velocity_threshold',
    ],
    report: 'Momentum',
    history: false,
  },
  {
    key: 'stoppedEarly',
    meaning: 'Adaptive sampling stopped before all pages because the ranking was decided: why.',
    csv: ['stopped_early'],
    report: 'Flags and reasons (sampled less)',
    history: false,
  },
  {
    key: 'tieBand',
    meaning:
      'Adaptive sampling: the score still straddles the top-10 boundary after its last page, so rank 10 or 11 is not decided: why (the CSV carries it as the tie-band flag).',
    csv: [],
    report: 'Flags and reasons (tie band)',
    history: false,
  },
  {
    key: 'inHandScore',
    meaning:
      "Adaptive sampling stopped the tag early and its score is estimated for its full sample: the score of the posts in hand (on the region's same normalisation).",
    csv: ['in_hand_score'],
    report: 'Flags and reasons (sampled less)',
    history: false,
  },
  {
    key: 'estimate',
    meaning:
      "How a stopped tag's score was estimated for its full sample: pages in hand, the correction for the page order in score points and its standard error, the parts moved, and the words the row shows.",
    csv: ['score_estimated'],
    report: 'Flags and reasons (sampled less)',
    history: false,
  },
  {
    key: 'meanLikes',
    meaning: 'Mean likes per sampled post.',
    csv: ['mean_likes'],
    report: null,
    history: false,
  },
  {
    key: 'newestPostAt',
    meaning: 'Unix seconds of the newest sampled post (the CSV writes it as ISO).',
    csv: ['newest_post_at'],
    report: null,
    history: false,
  },
  {
    key: 'confidence',
    meaning: 'The 90 % bootstrap interval of the score, the rank range, confident or uncertain, and why.',
    csv: ['score_low', 'score_high', 'rank_low', 'rank_high', 'confidence', 'confidence_reason'],
    report: '90 % interval, Rank range, Confidence',
    history: true,
  },
] as const satisfies readonly ScoredRowField[];

export type ScoredRowKey = (typeof SCORED_ROW_FIELDS)[number]['key'];

/** The table's entry for one field, with its literal column names. */
export type ScoredRowFieldOf<K extends ScoredRowKey> = Extract<
  (typeof SCORED_ROW_FIELDS)[number],
  { key: K }
>;

/** The report CSV's columns of one field, in its order (reports spread them into their column lists). */
export function csvColumnsOf<K extends ScoredRowKey>(key: K): ScoredRowFieldOf<K>['csv'] {
  for (const f of SCORED_ROW_FIELDS) if (f.key === key) return f.csv as ScoredRowFieldOf<K>['csv'];
  throw new Error(`scored-row field ${key} is not in the table`);
}

/** The fields the stored history record keeps. */
export type StoredRowKey = Extract<(typeof SCORED_ROW_FIELDS)[number], { history: true }>['key'];

// Compile-time guard: a field added to ScoredTag must be added to the table above (and so to every output).
type Unlisted = Exclude<keyof ScoredTag, ScoredRowKey>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** The row's fields in table order, leaving out optional ones it does not have. */
export function scoredRowEntries(t: ScoredTag): [ScoredRowKey, unknown][] {
  const out: [ScoredRowKey, unknown][] = [];
  for (const f of SCORED_ROW_FIELDS) if (t[f.key] !== undefined) out.push([f.key, t[f.key]]);
  return out;
}

export const STORED_ROW_KEYS: readonly StoredRowKey[] = SCORED_ROW_FIELDS.filter(
  (f): f is Extract<(typeof SCORED_ROW_FIELDS)[number], { history: true }> => f.history,
).map((f) => f.key);
