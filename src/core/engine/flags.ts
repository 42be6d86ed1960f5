// Warnings attached to a hashtag, each with its reason in words: commercial, saturated, shadow-limited,
// small sample and not found. They come from the article's anti-patterns and its advice on samples.
import type { Challenge, Flag, ScoringSettings } from '../../shared/model';
import type { RawMetrics } from './metrics';
import { hashtagKey } from '../../shared/hashtag';

/** The article's mega tags (#fyp, #foryou, #viral) and their well-known siblings: no discovery value. */
export const MEGA_TAGS: ReadonlySet<string> = new Set([
  'fyp',
  'foryou',
  'foryoupage',
  'fy',
  'viral',
  'trending',
  'fypシ',
  'fypage',
  'foryourpage',
  'viralvideo',
  'tiktok',
  'trend',
  'explore',
  'explorepage',
  'xyzbca',
  'parati',
]);

/** Lifetime views at which a tag counts as saturated (the article's "12 billion views" example). */
export const SATURATED_VIEWS = 10_000_000_000;
/** A tag this known (creators or views) should have a full, fresh sample; if not, it may be limited. */
export const WELL_KNOWN_USERS = 100_000;
export const WELL_KNOWN_VIEWS = 100_000_000;
/** Fewer posts than this from a well-known tag is "very few" in the article's words. */
export const TINY_SAMPLE = 10;

const SECONDS_PER_DAY = 86_400;

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

/** The flags of one scored hashtag; `name` is the tag as it will be shown (cha_name or the candidate). */
export function flagTag(
  challenge: Challenge,
  metrics: RawMetrics,
  settings: ScoringSettings,
  nowSec: number,
  name: string = challenge.name,
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

  const wellKnown = challenge.userCount >= WELL_KNOWN_USERS || challenge.viewCount >= WELL_KNOWN_VIEWS;
  if (wellKnown) {
    const known =
      challenge.userCount >= WELL_KNOWN_USERS
        ? `${groupDigits(challenge.userCount)} creators`
        : `${views(challenge.viewCount)} views`;
    const cutoff = nowSec - settings.windowDays * SECONDS_PER_DAY;
    if (metrics.sample < TINY_SAMPLE) {
      flags.push({
        kind: 'shadow-limited',
        reason: `A well-known tag (${known}) served only ${metrics.sample} post${metrics.sample === 1 ? '' : 's'}: it may be shadow-limited.`,
      });
    } else if (metrics.newestPostAt < cutoff) {
      const days = Math.floor((nowSec - metrics.newestPostAt) / SECONDS_PER_DAY);
      flags.push({
        kind: 'shadow-limited',
        reason: `A well-known tag (${known}) whose newest sampled post is ${days} days old, older than the ${settings.windowDays}-day window: it may be shadow-limited.`,
      });
    }
  }

  if (metrics.sample < settings.minStableSample) {
    flags.push({
      kind: 'small-sample',
      reason: `Only ${metrics.sample} post${metrics.sample === 1 ? '' : 's'} sampled (under ${settings.minStableSample}): the metrics are noisy.`,
    });
  }
  return flags;
}
