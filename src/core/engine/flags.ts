// Warnings attached to a hashtag, each with its reason in words: commercial, saturated, shadow-limited, no recent
// posts, sampled less by Tagfit's choice, small sample and not found. They come from the article's anti-patterns and its advice on samples.
import type { Challenge, Flag, ScoringSettings } from '../../shared/model';
import type { RawMetrics } from './metrics';
import { hashtagKey } from '../../shared/hashtag';
import { MEGA_TAGS } from '../../shared/mega-tags';

/** The article's mega tags: their one home is shared/mega-tags.ts (the app's add advice reads them too). */
export { MEGA_TAGS };

/** Lifetime views at which a tag counts as saturated (the article's "12 billion views" example). */
export const SATURATED_VIEWS = 10_000_000_000;
/** A tag this known (creators or views) should have a full, fresh sample; if not, it may be limited. */
export const WELL_KNOWN_USERS = 100_000;
export const WELL_KNOWN_VIEWS = 100_000_000;

const SECONDS_PER_DAY = 86_400;
/** Served under 1/3 of the posts asked for: a short last page or a smaller regional feed is ordinary, this is not. */
const SHORT_SERVED = 3;

/** 1234567 → "1,234,567" (rounded to a whole number) without depending on the machine's locale. */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const int = BigInt(Math.round(Math.abs(n))).toString();
  return `${n < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function views(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} million`;
  return groupDigits(n);
}

export function commercialFlag(challenge: Challenge): Flag {
  return {
    kind: 'commercial',
    reason: `Commercial: #${challenge.name} is a branded challenge run by an advertiser (is_commerce), an ad auction rather than an organic discovery surface.`,
  };
}

/** TikLiveAPI served no post for the tag in this region: a regional tag elsewhere, or a dead one. */
export function noPostsFlag(name: string): Flag {
  return { kind: 'no-posts', reason: `No posts in this region: TikLiveAPI served none for #${name} here.` };
}

export function notFoundFlag(candidate: string): Flag {
  return { kind: 'not-found', reason: `#${candidate} was not found by TikLiveAPI (no such hashtag).` };
}

/**
 * The flags of one scored hashtag; `name` is the tag as it will be shown (cha_name or the candidate);
 * `stoppedEarly` is why Tagfit itself took fewer pages than the run asked for (adaptive sampling, a stopped run).
 * Shadow-limited means what it says: the API served under a third of the posts the run asked for although the
 * tag is known to have more (its lifetime creators outnumber what was asked); an old sample is "no recent posts",
 * a fact that cannot tell a dead trend from a limited tag; a short sample Tagfit chose is named as such.
 */
export function flagTag(
  challenge: Challenge,
  metrics: RawMetrics,
  settings: ScoringSettings,
  nowSec: number,
  name: string = challenge.name,
  stoppedEarly?: string,
): Flag[] {
  const flags: Flag[] = [];
  if (challenge.isCommerce) flags.push(commercialFlag({ ...challenge, name }));

  const lower = hashtagKey(name);
  if (MEGA_TAGS.has(lower)) {
    flags.push({
      kind: 'saturated',
      reason: `#${name} is a mega tag: astronomical views and no discovery value; use it as filler at most.`,
    });
  } else if (challenge.viewCount >= SATURATED_VIEWS) {
    flags.push({
      kind: 'saturated',
      reason: `${views(challenge.viewCount)} lifetime views: a new post lands in a saturated feed.`,
    });
  }

  // Nothing served at all says where the tag lives, not that it is limited or noisy.
  if (metrics.served === 0) return [...flags, noPostsFlag(name)];

  const asked = settings.pages * settings.pageSize;
  const posts = (n: number): string => `${n} post${n === 1 ? '' : 's'}`;
  if (stoppedEarly) {
    flags.push({
      kind: 'sampled-less',
      reason: /^the run stopped/.test(stoppedEarly)
        ? `Sampled ${metrics.served} of the ${asked} posts asked for: the run stopped before the rest.`
        : `Sampled ${metrics.served} of ${asked} by adaptive sampling: the ranking was decided without the rest.`,
    });
  } else if (metrics.served * SHORT_SERVED < asked && challenge.userCount > asked && isWellKnown(challenge)) {
    flags.push({
      kind: 'shadow-limited',
      reason: `Served ${posts(metrics.served)} of the ${asked} asked for although more existed (${groupDigits(challenge.userCount)} creators): it may be shadow-limited here.`,
    });
  }

  const cutoff = nowSec - settings.windowDays * SECONDS_PER_DAY;
  if (metrics.newestPostAt < cutoff) {
    const days = Math.floor((nowSec - metrics.newestPostAt) / SECONDS_PER_DAY);
    flags.push({
      kind: 'no-recent-posts',
      reason: `No recent posts: the newest of ${posts(metrics.sample)} sampled is ${days} days old, older than the ${settings.windowDays}-day window: a dead trend or a limited tag.`,
    });
  }

  if (metrics.sample < settings.minStableSample && !stoppedEarly) {
    flags.push({
      kind: 'small-sample',
      reason: `Only ${posts(metrics.sample)} sampled (under ${settings.minStableSample}): the metrics are noisy.`,
    });
  }
  return flags;
}

/** A tag this known (creators or views) should fill a sample; if it does not, it may be limited. */
const isWellKnown = (c: Challenge): boolean =>
  c.userCount >= WELL_KNOWN_USERS || c.viewCount >= WELL_KNOWN_VIEWS;
