// Whether two runs measured the same thing the same way, and if not, why in words. Scores are min-max positions
// within a run's own list and velocity counts posts inside the window, so a change of preset, weights, window,
// pages, page size, sampling, candidates or targets moves every number without anything changing on TikTok.
// Momentum, "since the last run", `runs compare` and the watch's alerts ask this first.
import type { PresetName, RegionCode, ScoringSettings } from '../../shared/model';
import { hashtagKey, stripHash } from '../../shared/hashtag';

/** What comparability reads of a run: a RunResult and a StoredRun both have it. */
export interface ComparableRun {
  preset?: PresetName;
  settings?: Partial<ScoringSettings>;
  regions: Record<
    RegionCode,
    { ranked: readonly { candidate: string }[]; excluded?: readonly { tag: string }[] }
  >;
  failed?: readonly { tag: string }[];
  stopped?: { unscored: readonly { tag: string }[] };
  /** The target creators, where the run recorded them. */
  targets?: readonly string[];
}

export interface Comparability {
  comparable: boolean;
  /** Each difference in words ("window 14 → 7 days"); empty when comparable. */
  differences: string[];
  /**
   * Velocity (a tag's own share of posts inside the window) does not depend on the list or the weights: it compares
   * while window, pages, page size, sampling and de-duplication are the same.
   */
  velocityComparable: boolean;
  /**
   * The runs differ only in their candidates: scores can be compared once both runs are re-normalised over the tags
   * they share (momentum.ts does), since each tag's raw metrics do not depend on the others.
   */
  onlyCandidates: boolean;
  /** "not comparable: window 14 → 7 days; 1 candidate added (#x)", or "" when comparable. */
  why: string;
}

const key = (s: string): string => hashtagKey(stripHash(s));

/** The candidates a run was asked to score: ranked, excluded, failed or left unscored, in any region. */
export function candidatesOf(run: ComparableRun): Set<string> {
  const out = new Set<string>();
  for (const r of Object.values(run.regions)) {
    for (const t of r.ranked) out.add(key(t.candidate));
    for (const e of r.excluded ?? []) out.add(key(e.tag));
  }
  for (const f of run.failed ?? []) out.add(key(f.tag));
  for (const u of run.stopped?.unscored ?? []) out.add(key(u.tag));
  return out;
}

const listed = (tags: readonly string[]): string => {
  const shown = tags.slice(0, 3).map((t) => `#${t}`);
  return tags.length > 3 ? `${shown.join(', ')} …` : shown.join(', ');
};

function setChange(what: string, before: Set<string>, after: Set<string>, prefix = ''): string[] {
  const added = [...after].filter((x) => !before.has(x)).sort();
  const removed = [...before].filter((x) => !after.has(x)).sort();
  const fmt = (xs: string[]): string => (prefix === '#' ? listed(xs) : xs.slice(0, 3).join(', '));
  const out: string[] = [];
  if (added.length > 0)
    out.push(`${added.length} ${what}${added.length === 1 ? '' : 's'} added (${fmt(added)})`);
  if (removed.length > 0)
    out.push(`${removed.length} ${what}${removed.length === 1 ? '' : 's'} removed (${fmt(removed)})`);
  return out;
}

/**
 * Whether `before` and `after` measured the same thing the same way. A run without recorded settings (an older
 * file) is taken at its word on what it has: only what both runs record is compared.
 */
export function comparability(before: ComparableRun, after: ComparableRun): Comparability {
  const d: string[] = [];
  const a = before.settings ?? {};
  const b = after.settings ?? {};
  const pa = before.preset ?? a.preset;
  const pb = after.preset ?? b.preset;
  if (pa !== undefined && pb !== undefined && pa !== pb) d.push(`preset ${pa} → ${pb}`);
  if (a.weights && b.weights) {
    const wa = a.weights;
    const wb = b.weights;
    const parts = (['velocity', 'density', 'overlap'] as const).filter((k) => Math.abs(wa[k] - wb[k]) > 1e-9);
    if (parts.length > 0) d.push(`weights ${parts.map((k) => `${k} ${wa[k]} → ${wb[k]}`).join(', ')}`);
  }
  const same = (
    k: keyof ScoringSettings,
    name: string,
    unit = '',
    say: (x: unknown) => string = String,
  ): void => {
    const x = a[k];
    const y = b[k];
    if (x !== undefined && y !== undefined && x !== y) d.push(`${name} ${say(x)} → ${say(y)}${unit}`);
  };
  const listDifferences = d.length;
  same('windowDays', 'window', ' days');
  same('pages', 'pages');
  same('pageSize', 'page size');
  same('sampling', 'sampling');
  same('dedupePosts', 'de-duplication', '', (x) => (x ? 'on' : 'off'));
  const velocityComparable = d.length === listDifferences;
  same('density', 'density');
  same('keepCommercial', 'commercial tags', '', (x) => (x ? 'kept' : 'excluded'));
  const settingDifferences = d.length;
  d.push(...setChange('candidate', candidatesOf(before), candidatesOf(after), '#'));
  const candidateDifferences = d.length - settingDifferences;
  if (before.targets && after.targets)
    d.push(...setChange('target creator', new Set(before.targets.map(key)), new Set(after.targets.map(key))));
  return {
    comparable: d.length === 0,
    velocityComparable,
    onlyCandidates: settingDifferences === 0 && candidateDifferences > 0 && d.length === candidateDifferences,
    differences: d,
    why: d.length === 0 ? '' : `not comparable: ${d.join('; ')}`,
  };
}
