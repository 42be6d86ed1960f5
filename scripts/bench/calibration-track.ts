// Calibration of the track record: accounts that switched to the top-scored hashtags two weeks ago, with no tag
// effect on likes at all, but young posts that have not gathered their likes yet (an age trend). Every "did better"
// or "did worse" verdict is false. Posts are matched and weighed by the project's own matchPosts and weighEvidence.
import { mulberry32, normal, type Rng } from '../../src/core/prng';
import { matchPosts, weighEvidence } from '../../src/core/track/track-record';
import type { StoredRun } from '../../src/core/workspace/history';
import type { Post } from '../../src/shared/model';
import type { CalibrationRow } from './calibration-row';

const DAY = 86_400;
const NOW = 1_795_000_000;
const TOP = ['top1', 'top2', 'top3', 'top4', 'top5'];
const BOTTOM = ['low1', 'low2', 'low3', 'low4', 'low5'];

function storedRun(atSec: number): StoredRun {
  const ranked = [...TOP, ...BOTTOM].map((tag, i) => ({
    tag,
    candidate: tag,
    rank: i + 1,
    score: i < 5 ? 90 - i * 5 : 30 - (i - 5) * 5,
    velocity: 0.5,
    density: 1,
    overlap: 0,
    sample: 90,
    userCount: 1,
    viewCount: 1,
    isCommerce: false,
    flags: [],
  }));
  return {
    format: 'tagfit-run',
    version: 1,
    id: String(atSec),
    now: new Date(atSec * 1000).toISOString(),
    preset: 'organic',
    settings: {} as StoredRun['settings'],
    credits: {} as StoredRun['credits'],
    regions: { US: { ranked, excluded: [] } },
    failed: [],
  };
}

/** The two runs an account's posts are matched against: ten weeks ago and fifteen days ago, alike. */
export const TRACK_RUNS: readonly StoredRun[] = [storedRun(NOW - 70 * DAY), storedRun(NOW - 15 * DAY)];

/**
 * One account: 40 posts over 60 days, bottom-scored tags until two weeks ago and top-scored ones since; likes owe
 * nothing to the tags, but a post gathers them over days (1 − e^(−age/τ), τ of 1 to 5 days).
 */
export function simulateAccount(rng: Rng, tagEffect = 0): Post[] {
  const tau = (1 + 4 * rng()) * DAY;
  const base = 4 + 2 * rng();
  const posts: Post[] = [];
  for (let k = 0; k < 40; k++) {
    const age = (k * 1.5 + rng()) * DAY;
    const recent = age < 14 * DAY;
    const tags = recent ? TOP : BOTTOM;
    const tag = tags[Math.floor(rng() * tags.length)]!;
    const effect = recent ? tagEffect : 0;
    posts.push({
      id: `p${k}`,
      createTime: Math.floor(NOW - age),
      likes: Math.round(Math.exp(base + effect + 0.7 * normal(rng)) * (1 - Math.exp(-age / tau))),
      comments: 0,
      shares: 0,
      plays: 0,
      authorId: 'me',
      caption: `#${tag}`,
    });
  }
  return posts;
}

export interface TrackCalibration {
  accounts: number;
  /** Share of accounts told "did better" or "did worse" when tags had no effect. */
  falseVerdicts: number;
  /** Share of accounts where enough evidence was there to give a verdict at all. */
  enough: number;
}

export function trackCalibration(accounts = 200, seed = 3): TrackCalibration {
  const rng = mulberry32(seed);
  let wrong = 0;
  let enough = 0;
  for (let a = 0; a < accounts; a++) {
    const posts = matchPosts(`acct${a}`, simulateAccount(rng), TRACK_RUNS, 'US', NOW);
    const e = weighEvidence(posts, `acct${a}`);
    if (e.enough) enough += 1;
    if (/did (better|worse)/.test(e.verdict)) wrong += 1;
  }
  return { accounts, falseVerdicts: wrong / accounts, enough: enough / accounts };
}

/** The calibration table's row for the track record (`quick`: fewer accounts). */
export function trackRows(quick: boolean): CalibrationRow[] {
  const c = trackCalibration(quick ? 50 : 200);
  return [
    {
      measure:
        'false "better/worse" verdicts, tags switched two weeks ago, no tag effect, likes still growing',
      accounts: c.accounts,
      value: `${(c.falseVerdicts * 100).toFixed(1)} %`,
      goal: '<= 10 %',
      'accounts with a verdict at all': `${(c.enough * 100).toFixed(0)} %`,
    },
  ];
}
