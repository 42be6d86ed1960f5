// Scoring every region from fetched samples, with each ranked tag's confidence: a run's last step, and a
// re-score's only one.
import type { RegionCode, RegionResult, ScoringSettings } from '../../shared/model';
import type { CompactRun } from '../engine/compact-samples';
import { withConfidence } from '../engine/confidence';
import { type RegionEntry, scoreRegion } from '../engine/score';
import { type RunSamples, sampleKey } from './run-samples';

/**
 * Score every region from fetched data (posts, or held compact); pairs without a sample (failed, unscored) are left out. Each ranked tag
 * gets its confidence (engine/confidence.ts) unless `opts.confidence` is false (results still coming in).
 */
export function scoreRun(
  candidates: readonly string[],
  targets: ReadonlySet<string>,
  regions: readonly RegionCode[],
  settings: ScoringSettings,
  nowSec: number,
  data: RunSamples | CompactRun,
  opts: { confidence?: boolean } = {},
): Record<RegionCode, RegionResult> {
  const out: Record<RegionCode, RegionResult> = {};
  for (const region of regions) {
    const entries = regionEntries(candidates, region, settings, data);
    const scored = scoreRegion(entries, targets, settings, nowSec, region);
    out[region] =
      opts.confidence === false ? scored : withConfidence(entries, scored, targets, settings, nowSec);
  }
  return out;
}

/** A region's entries as scoreRegion takes them: the candidates in order, each with its sample (posts, or held
 * compact) and marks; pairs without a sample (failed, unscored) left out. */
export function regionEntries(
  candidates: readonly string[],
  region: RegionCode,
  settings: ScoringSettings,
  data: RunSamples | CompactRun,
): RegionEntry[] {
  const entries: RegionEntry[] = [];
  for (const candidate of candidates) {
    if (!data.challenges.has(candidate)) continue;
    const challenge = data.challenges.get(candidate) ?? null;
    const held = data.samples.get(sampleKey(region, candidate));
    // The samples a run fetched (posts) or a run's samples held compact (the scoring worker's).
    const posts = Array.isArray(held) ? held : held ? [] : undefined;
    const sample = held && !Array.isArray(held) ? held : undefined;
    const excludedAnyway = challenge === null || (challenge.isCommerce && !settings.keepCommercial);
    if (!excludedAnyway && posts === undefined) continue;
    const stoppedEarly = data.stoppedEarly?.get(sampleKey(region, candidate));
    const tieBand = data.tieBand?.get(sampleKey(region, candidate));
    const correction = data.corrections?.get(sampleKey(region, candidate));
    entries.push({
      candidate,
      challenge,
      posts: posts ?? [],
      ...(sample ? { sample } : {}),
      ...(stoppedEarly ? { stoppedEarly } : {}),
      ...(tieBand ? { tieBand } : {}),
      ...(correction ? { correction } : {}),
    });
  }
  return entries;
}
