// The settings and the credits of a run in words, as a reader who never saw tagfit.json understands them.
import type { Credits, ScoringSettings } from '../../shared/model';
import { plural } from '../../shared/number-format';
import { formatFixed } from '../engine/decimal';
import { groupDigits } from '../engine/flags';
import { pct } from './document-model';

const DENSITY_WORDS: Record<ScoringSettings['density'], string> = {
  mean: 'likes per post (the mean)',
  median: 'likes per post (the median)',
  'log-mean':
    'typical likes per post (the geometric mean of 1 + likes, so one viral post cannot dominate), compared on a log scale',
};

/** The settings in words, as a reader who never saw tagfit.json understands them. */
export function settingsInWords(s: ScoringSettings, targetCount?: number): string[] {
  const w = s.weights;
  const posts = s.pages * s.pageSize;
  const targets =
    targetCount === undefined
      ? 'your target creators'
      : `your ${targetCount} target creator${targetCount === 1 ? '' : 's'}`;
  return [
    `Preset: ${s.preset}.`,
    `Velocity ${pct(w.velocity)}: share of the last ${posts} posts made in the last ${s.windowDays} days.`,
    `Density ${pct(w.density)}: ${DENSITY_WORDS[s.density]}.`,
    `Overlap ${pct(w.overlap)}: share of the sample's distinct authors who are among ${targets}.`,
    s.keepCommercial
      ? `Ad penalty ${pct(w.adPenalty)}: a commercial (advertiser-run) tag loses ${formatFixed(100 * w.adPenalty * 0.5, 2)} points.`
      : `Commercial (advertiser-run) tags are left out; the ad penalty (${pct(w.adPenalty)}) cannot apply.`,
    `Each measure is scaled from 0 to 1 across this region's ranked tags (the lowest 0, the highest 1), then weighed into a 0-100 score.`,
    `Sample: up to ${s.pages} pages of ${s.pageSize} posts per tag${s.sampling === 'adaptive' ? ', more pages only where the ranking was still undecided (adaptive sampling)' : ''}${s.dedupePosts ? '; a post served twice counts once' : ''}; under ${s.minStableSample} posts is a small sample.`,
    `Confidence: 1,000 resamples of each tag's creators (a creator's posts count as one unit); the 90 % interval is bias-corrected and calibrated on simulated tags with a known truth, and always holds the score; under 10 posts, no interval ("too few posts"). Uncertain: a coin toss with a neighbour (the share of resamples each is ahead), or a rank range too wide to act on; a small sample is said apart.`,
  ];
}

export function creditsText(c: Credits): string {
  const endpoints = Object.entries(c.byEndpoint)
    .map(([endpoint, n]) => `${endpoint} ${n}`)
    .join(', ');
  return `Credits (whole run): ${groupDigits(c.used)} used${endpoints ? ` (${endpoints})` : ''}; ${plural(c.calls, 'request')} sent, ${plural(c.retries, 'retry', 'retries')}, ${plural(c.fromCache, 'answer')} from the cache; saved against the reference method: ${c.saved.byCache} by the cache, ${c.saved.byInfoOnce} by fetching each hashtag's info once.`;
}
