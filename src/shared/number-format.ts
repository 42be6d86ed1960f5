// One format per figure: the results grid, the row detail, the status bar, the Output and every report round and
// name a metric from here, with the engine's exact rounding (Python's, half to even on the double's true value).
import type { ScoreConfidence, TagHistory } from './model';
import { formatFixed } from './decimal';

/** The minus sign people read (U+2212), not the hyphen: "−0.70". */
export const MINUS = '−';

/** "1 pair", "3 pairs", "1 answer", "0 answers"; `many` for an irregular plural. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export const formatCredits = (n: number): string => plural(n, 'credit');

/** A run's one count of pairs, as its progress line and the status bar say it: "20 of 136 pairs". */
export const formatPairsDone = (done: number, total: number): string =>
  // Before the run has counted its pairs (it reads each tag's info first), no count that would read as none done.
  total > 0 ? `${done} of ${plural(total, 'pair')}` : 'counting the pairs…';

/** A whole number with thousands separators, rounded as the engine rounds: 2946.5 → "2,946", 2947.5 → "2,948". */
export function formatWhole(x: number): string {
  const s = formatFixed(x, 0);
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative && grouped !== '0' ? `${MINUS}${grouped}` : grouped;
}

/** A score, always with two decimals: "55.50" beside "66.44". */
export const formatScore = (x: number): string => formatFixed(x, 2).replace('-', MINUS);

/** A signed change of score, as momentum shows it: "+0.70", "−0.70", "0.00". */
export function formatScoreChange(x: number): string {
  const s = formatFixed(Math.abs(x), 2);
  if (s === '0.00') return s;
  return `${x > 0 ? '+' : MINUS}${s}`;
}

/** A share (0–1) as a percentage: velocity 0.94 → "94 %" everywhere, weights too. */
export const formatPercent = (share: number): string => `${formatFixed(share * 100, 0)} %`;

/** Velocity: the share of the sampled posts made in the window, as a percentage. */
export const formatVelocity = formatPercent;

/** Likes per post (density, median likes): a whole number of likes. */
export const formatLikes = formatWhole;

/** Overlap: the share of a sample's authors who are targets, two decimals. */
export const formatOverlap = (x: number): string => formatFixed(x, 2);

/** A week-on-week growth: "+12.5 %", "−3.0 %", "n/a" without an earlier count. */
export function formatGrowth(x: number | null): string {
  if (x === null) return 'n/a';
  const s = formatFixed(Math.abs(x) * 100, 1);
  return `${x >= 0 ? '+' : MINUS}${s} %`;
}

/** "#3–#5", or "#3" when the rank never moved across the resamples. */
export const formatRankRange = (c: Pick<ScoreConfidence, 'rankLow' | 'rankHigh'>): string =>
  c.rankLow === c.rankHigh ? `#${c.rankLow}` : `#${c.rankLow}–#${c.rankHigh}`;

/** The 90 % interval of a score: "12.30–20.10", or "too few posts" where the posts were too few for one. */
export const formatInterval = (c: Pick<ScoreConfidence, 'low' | 'high'>): string =>
  c.low === null || c.high === null ? 'too few posts' : `${formatScore(c.low)}–${formatScore(c.high)}`;

/** The confidence label as every surface says it: "confident", "uncertain", "too few posts". */
export const confidenceWord = (c: Pick<ScoreConfidence, 'label'>): string => c.label;

/** A rank's move since the last comparable run: "▲2", "▼1", "new", or "" when it held its place. */
export function formatRankChange(change: number | null): string {
  if (change === null) return 'new';
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '';
}

/**
 * Momentum in one short text: the rank's move and the score's signed change ("▲2 +0.70", "−0.70" when the rank held,
 * "new"), ⚡ when velocity rose above the threshold; "not comparable" when the last run measured another way.
 */
export function formatMomentum(h: TagHistory | undefined): string {
  if (!h) return '';
  if (h.notComparable) return 'not comparable';
  const parts = [formatRankChange(h.rankChange)];
  if (h.scoreChange !== null) parts.push(formatScoreChange(h.scoreChange));
  if (h.crossedVelocityThreshold) parts.push('⚡');
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * Why a tag's moves are not given, as History's comparison and Results (the Momentum tooltip, the detail) say it:
 * "not comparable: pages 3 → 4: score and rank changes are not given." (`why` is the comparison's own words).
 */
export const notComparableWords = (why: string): string => `${why}: score and rank changes are not given.`;

/** A run as people name it: by its clock and preset ("the run of 2026-11-20 08:00 UTC, organic"), never its id. */
export function runName(iso: string, preset: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return `the ${preset} run`;
  const s = t.toISOString();
  return `the run of ${s.slice(0, 10)} ${s.slice(11, 16)} UTC, ${preset}`;
}
