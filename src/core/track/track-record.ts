// The track record: did the ranking pay off for this user? The user's own accounts' recent posts are fetched
// (/userinfo-by-username/, /user-posts/), each post's hashtags parsed from its caption and matched to the scores
// they had in the workspace's last run before the post was made; the post's performance is its likes (and plays,
// where the API gives them) at equal age: a settled post's likes against its account's settled posts nearest in age
// (equal-age.ts), and only runs comparable with the last one. Reported per account and overall: the posts matched,
// the rank correlation between tag scores and performance with a bootstrap interval, and the median performance of
// posts whose tags were in the top quarter against the bottom quarter. Under 20 matched posts it claims nothing.
// Beside it, whether the posts made in the plan's best-time window did better (best-time-check.ts).
import type { ErrorCode, Post, RegionCode } from '../../shared/model';
import type { Evidence, TrackAccount, TrackedPost, TrackResult } from '../../shared/track';
import type { TikLiveApi } from '../api/types';
import { hashtagKey } from '../../shared/hashtag';
import { hashtagsFromCaptions } from '../decode/competitor';
import { median as medianOf } from '../engine/metrics';
import { fetchCreatorSample } from '../decode/recent-posts';
import { toErrorInfo } from '../errors';
import { isStopping } from '../stop-codes';
import { hashString, mulberry32 } from '../prng';
import { SETTLED_DAYS, likesAtEqualAge } from './equal-age';
import { checkBestTime, type SuggestedWindow } from './best-time-check';
import { comparability } from '../engine/comparable';
import type { StoredRun } from '../workspace/history';

export type { Evidence, TrackAccount, TrackedPost, TrackResult };

/** Fewer matched posts than this and no correlation is claimed. */
export const MIN_EVIDENCE = 20;
const RESAMPLES = 1000;

const median = (xs: readonly number[]): number => medianOf(Float64Array.from(xs));

/** Average ranks (ties share their mean rank). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rho: Pearson's correlation of the ranks; 0 when either side does not vary. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Rho and its bootstrap 90 % interval (resampling the posts; seeded, so a report repeats). */
export function correlationInterval(
  x: readonly number[],
  y: readonly number[],
  seed: string,
): { rho: number; low: number; high: number } {
  const rng = mulberry32(hashString(`track|${seed}`));
  const n = x.length;
  const rhos: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let b = 0; b < RESAMPLES; b++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng() * n);
      bx[i] = x[k]!;
      by[i] = y[k]!;
    }
    rhos.push(spearman(bx, by));
  }
  rhos.sort((a, b) => a - b);
  const at = (q: number): number => rhos[Math.min(n > 0 ? RESAMPLES - 1 : 0, Math.floor(q * RESAMPLES))]!;
  return { rho: spearman(x, y), low: at(0.05), high: at(0.95) };
}

const f2 = (x: number): string => x.toFixed(2);

/** What matched posts say, and what they cannot say yet. */
export function weighEvidence(posts: readonly TrackedPost[], seed: string): Evidence {
  // Only settled posts, compared at equal age (equal-age.ts): an unsettled post's likes say when it was posted.
  const young = posts.filter((p) => p.tagScore !== undefined && p.settled === false).length;
  const matched = posts.filter((p) => p.tagScore !== undefined && p.settled !== false);
  const base = { posts: posts.length, matched: matched.length };
  if (matched.length < MIN_EVIDENCE) {
    const why =
      posts.length === 0
        ? 'no posts were fetched'
        : matched.length === 0
          ? `none of the ${posts.length} posts used a hashtag scored in a run made before it`
          : `only ${matched.length} of ${posts.length} posts used a hashtag scored in a run made before it${young > 0 ? ` and are over ${SETTLED_DAYS} days old (${young} younger ones are still gathering likes)` : ''}`;
    return {
      ...base,
      enough: false,
      correlation: null,
      playsCorrelation: null,
      topQuarter: null,
      bottomQuarter: null,
      verdict: `Not enough evidence yet: ${why}; ${MIN_EVIDENCE} are needed before a correlation means anything. Post with tags from your list after a run, then track again.`,
    };
  }
  const scores = matched.map((p) => p.tagScore!);
  const likes = matched.map((p) => p.relLikes);
  const flat =
    new Set(scores).size < 2 ? 'tag score' : new Set(likes).size < 2 ? 'relative likes' : undefined;
  if (flat)
    return {
      ...base,
      enough: true,
      correlation: null,
      playsCorrelation: null,
      topQuarter: null,
      bottomQuarter: null,
      verdict: `The correlation is undefined: every one of the ${matched.length} matched posts has the same ${flat}, so nothing can be said about scores and likes.`,
    };
  const correlation = correlationInterval(scores, likes, `${seed}|likes`);
  const withPlays = matched.every((p) => p.relPlays !== null);
  const playsCorrelation = withPlays
    ? correlationInterval(
        scores,
        matched.map((p) => p.relPlays!),
        `${seed}|plays`,
      )
    : null;
  const byScore = [...matched].sort((a, b) => a.tagScore! - b.tagScore!);
  const q = Math.max(1, Math.floor(byScore.length / 4));
  const bottomQuarter = median(byScore.slice(0, q).map((p) => p.relLikes));
  const topQuarter = median(byScore.slice(-q).map((p) => p.relLikes));
  const { rho, low, high } = correlation;
  const ci = `rank correlation ${f2(rho)}, 90 % interval ${f2(low)} to ${f2(high)}, over ${matched.length} posts`;
  const quarters = `posts with top-quarter tags got ${f2(topQuarter)}× the likes of the account's posts of the same age, bottom-quarter ${f2(bottomQuarter)}×`;
  const verdict =
    low > 0
      ? `Posts whose hashtags scored higher did better: ${ci}; ${quarters}.`
      : high < 0
        ? `Posts whose hashtags scored higher did worse: ${ci}; ${quarters}. The ranking has not paid off for this account; check the weights and the target list.`
        : `No relation can be told apart from chance yet: ${ci} (the interval includes 0); ${quarters}.`;
  return { ...base, enough: true, correlation, playsCorrelation, topQuarter, bottomQuarter, verdict };
}

/** The run in force when a post was made: the last one whose clock is before the post. */
function runBefore(runs: readonly StoredRun[], atSec: number): StoredRun | undefined {
  let found: StoredRun | undefined;
  for (const r of runs) if (Date.parse(r.now) / 1000 < atSec) found = r;
  return found;
}

/** An account's posts matched to the scores their hashtags had in `region`. */
export function matchPosts(
  account: string,
  posts: readonly Post[],
  runs: readonly StoredRun[],
  region: RegionCode,
  nowSec?: number,
): TrackedPost[] {
  const mLikes = median(posts.map((p) => Math.max(0, p.likes)));
  // Likes at equal age where the clock is known: a young post has not had the time to gather its likes.
  const atAge = nowSec === undefined ? undefined : likesAtEqualAge(posts, nowSec);
  const mPlays = median(posts.map((p) => Math.max(0, p.plays)));
  return posts.map((p, i) => {
    const tags = hashtagsFromCaptions([p.caption]).map((h) => h.tag);
    const run = runBefore(runs, p.createTime);
    const ranked = run?.regions[region]?.ranked ?? [];
    const scoreOf = new Map<string, number>();
    for (const t of ranked) {
      scoreOf.set(hashtagKey(t.candidate), t.score);
      scoreOf.set(hashtagKey(t.tag), t.score);
    }
    const scored = tags.filter((t) => scoreOf.has(t)).map((t) => ({ tag: t, score: scoreOf.get(t)! }));
    return {
      account,
      postedAt: new Date(p.createTime * 1000).toISOString(),
      likes: p.likes,
      plays: p.plays,
      tags,
      scored,
      ...(run && scored.length > 0
        ? { runAt: run.now, tagScore: scored.reduce((s, t) => s + t.score, 0) / scored.length }
        : {}),
      relLikes: atAge?.[i] ?? (mLikes > 0 ? Math.max(0, p.likes) / mLikes : 0),
      ...(atAge ? { settled: atAge[i] !== null } : {}),
      relPlays: mPlays > 0 && p.plays > 0 ? p.plays / mPlays : null,
    };
  });
}

export interface TrackInput {
  api: TikLiveApi;
  /** Usernames, normalised (no `@`, lower case), each once. */
  accounts: readonly string[];
  /** The workspace's recorded runs, oldest first. */
  runs: readonly StoredRun[];
  region: RegionCode;
  /** Recent posts to read per account. */
  posts: number;
  now: Date;
  signal?: AbortSignal;
  onAccount?: (e: { username: string; posts?: number; error?: string }) => void;
  onWarning?: (message: string) => void;
  /** The region's suggested posting window (best-time-check.ts); absent when no run's samples were in hand. */
  bestTime?: SuggestedWindow;
}

export async function trackRecord(input: TrackInput): Promise<TrackResult> {
  const nowSec = Math.floor(input.now.getTime() / 1000);
  // Scores are positions within a run's list: only runs that measured as the last one did share a scale.
  const last = input.runs.at(-1);
  const runs = last ? input.runs.filter((r) => comparability(r, last).comparable) : input.runs;
  if (runs.length < input.runs.length)
    input.onWarning?.(
      `${input.runs.length - runs.length} of ${input.runs.length} runs measured differently from the last one (${
        comparability(
          input.runs.find((r) => !runs.includes(r))!,
          last!,
        ).why
      }); posts are matched to the comparable runs only`,
    );
  const suggested: SuggestedWindow = input.bestTime ?? {
    region: input.region,
    window: null,
    reason: "no run's samples were in hand to compute it",
  };
  const weigh = (posts: readonly TrackedPost[], seed: string): Evidence => ({
    ...weighEvidence(posts, seed),
    bestTime: checkBestTime(posts, suggested, seed),
  });
  const accounts: TrackAccount[] = [];
  const failed: TrackResult['failed'] = [];
  let stopped: ErrorCode | undefined;
  // One account at a time: a handful of calls each, and a refused key stops the rest at once.
  for (const username of input.accounts) {
    if (stopped) {
      failed.push({
        username,
        error: `@${username}: not tried, the run stopped (${stopped}).`,
        code: stopped,
      });
      continue;
    }
    try {
      const sample = await fetchCreatorSample(input.api, username, input.posts, nowSec, {
        signal: input.signal,
        warn: input.onWarning,
      });
      const posts = matchPosts(username, sample.posts, runs, input.region, nowSec);
      accounts.push({ username, posts, evidence: weigh(posts, username) });
      input.onAccount?.({ username, posts: posts.length });
    } catch (e) {
      const info = toErrorInfo(e);
      if (isStopping(info.code)) stopped = info.code;
      failed.push({ username, error: info.message, code: info.code });
      input.onAccount?.({ username, error: info.message });
    }
  }
  return {
    now: input.now.toISOString(),
    region: input.region,
    runs: input.runs.map((r) => r.now),
    accounts,
    overall: weigh(
      accounts.flatMap((a) => a.posts),
      'overall',
    ),
    failed,
    credits: input.api.credits(),
  };
}
