// The normalisation's anchors after adaptive sampling: the preset's min-max takes each part's range from the tags
// at its ends, so a tag stopped early that holds an end moves every score. Such a tag is sampled on only when its
// end moving by its own uncertainty would change the decisions that matter (the top k, or #1).
import type { ScoringSettings } from '../../shared/model';
import { correctMetrics, type PageOrderCorrection } from './adaptive-correction';
import { type EstimateEntry, isRankable, partStats } from './adaptive-estimate';
import { computeMetrics } from './metrics';
import { normaliseMetrics } from './normalise';
import { unroundedScore } from './score';

type Raw = { velocity: number; density: number; overlap: number };
const PARTS = ['velocity', 'density', 'overlap'] as const;

/** The top k (as a sorted key) and #1 of raw metrics scored as the preset scores them. */
function decisions(
  raw: readonly Raw[],
  commerce: readonly boolean[],
  settings: ScoringSettings,
  topK: number,
) {
  const n = normaliseMetrics(raw, settings);
  const order = n
    .map((m, i) => ({ i, s: unroundedScore(m, commerce[i]!, settings.weights) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.i);
  return {
    first: order[0],
    top: order
      .slice(0, topK)
      .sort((a, b) => a - b)
      .join(','),
  };
}

/**
 * Stopped tags (`stopped`) that hold an end of a part's range and whose end, moved by z standard errors either
 * way, would change the top k or #1: these need the rest of their pages.
 */
type Entry = EstimateEntry & { correction?: PageOrderCorrection | undefined };

export function anchorsThatMatter(
  entries: readonly Entry[],
  stopped: ReadonlySet<string>,
  targets: ReadonlySet<string>,
  settings: ScoringSettings,
  nowSec: number,
  topK: number,
  z: number,
): Set<string> {
  const kept: Entry[] = entries.filter((e) => isRankable(e, settings));
  // As the ranking will score them: a stopped pair's metrics corrected for the page order.
  const raw: Raw[] = kept.map((e) => {
    const m = computeMetrics(e.posts, targets, nowSec, settings);
    const c = e.correction ? correctMetrics(m, e.correction) : m;
    return { velocity: c.velocity, density: c.density, overlap: c.overlap };
  });
  const commerce = kept.map((e) => e.challenge!.isCommerce);
  const base = decisions(raw, commerce, settings, topK);
  const out = new Set<string>();
  for (const part of PARTS) {
    const values = raw.map((r) => (part === 'density' ? Math.log1p(Math.max(0, r.density)) : r[part]));
    const ends = [values.indexOf(Math.min(...values)), values.indexOf(Math.max(...values))];
    for (const i of ends) {
      const e = kept[i];
      if (!e || !stopped.has(e.candidate) || out.has(e.candidate)) continue;
      // The part's own noise, and the correction's when it has one.
      const c = e.correction?.se[part === 'density' ? 'logDensity' : part] ?? 0;
      const se = Math.sqrt(partStats(e.posts, targets, settings, nowSec).variance[part] + c * c);
      for (const sign of [-1, 1]) {
        const moved = values[i]! + sign * z * se;
        const value = part === 'density' ? Math.expm1(Math.max(0, moved)) : Math.min(1, Math.max(0, moved));
        const d = decisions(
          raw.map((r, j) => (j === i ? { ...r, [part]: value } : r)),
          commerce,
          settings,
          topK,
        );
        if (d.first !== base.first || d.top !== base.top) out.add(e.candidate);
      }
    }
  }
  return out;
}
