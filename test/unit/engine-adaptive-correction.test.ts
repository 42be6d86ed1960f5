// A stopped tag's shown score is the estimate of what its full sample would say: the page order's drift learnt from
// complete samples comes out about 0 when pages are served at random (the shown score is the in-hand one within its
// standard error), and moves a stopped tag's score toward its full sample's when pages come newest first.
import { describe, expect, it } from 'vitest';
import {
  correctionFor,
  learnPageOrderDrift,
  MIN_PAIRS_FOR_DRIFT,
} from '../../src/core/engine/adaptive-correction';
import { resolveSettings } from '../../src/core/engine/presets';
import { rankArraysOf, rerank, rerankedRegion } from '../../src/core/engine/rank-arrays';
import { type RegionEntry, scoreRegion } from '../../src/core/engine/score';
import { mulberry32 } from '../../src/core/prng';
import type { Challenge, Post } from '../../src/shared/model';

const NOW = 1_795_000_000;
const DAY = 86_400;
const organic = resolveSettings('organic', { sampling: 'adaptive' });
const NONE = new Set<string>();

const challenge = (name: string): Challenge => ({
  id: name,
  name,
  desc: '',
  userCount: 1000,
  viewCount: 100_000,
  isCommerce: false,
});

/**
 * A tag's 90 posts: `recent` of them inside the 7-day window, likes log-normal around `likes`, 60 authors. Served
 * `newest` first (by creation time) or in a random order; either way the same posts.
 */
function tagPosts(
  name: string,
  recent: number,
  likes: number,
  order: 'newest' | 'random',
  seed: number,
): Post[] {
  const rng = mulberry32(seed);
  const posts = Array.from({ length: 90 }, (_, i): Post => {
    const inWindow = i < recent;
    return {
      id: `${name}-${i}`,
      createTime: NOW - (inWindow ? rng() * 6 * DAY : 8 * DAY + rng() * 50 * DAY),
      likes: Math.round(likes * Math.exp((rng() - 0.5) * 2)),
      comments: 0,
      shares: 0,
      plays: 0,
      authorId: `${name}_a${Math.floor(rng() * 60)}`,
      caption: '',
    };
  });
  if (order === 'newest') return posts.sort((a, b) => b.createTime - a.createTime);
  // Fisher-Yates with the tag's own stream: served at random.
  for (let i = posts.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [posts[i], posts[j]] = [posts[j]!, posts[i]!];
  }
  return posts;
}

/** 20 tags with varied pace and likes, complete samples of 3 pages. */
function region(order: 'newest' | 'random'): RegionEntry[] {
  return Array.from({ length: 20 }, (_, i) => {
    const name = `tag${i}`;
    return {
      candidate: name,
      challenge: challenge(name),
      posts: tagPosts(name, 10 + ((i * 7) % 50), 200 + 150 * ((i * 3) % 11), order, 1000 + i),
    };
  });
}

/** The region scored with `name` stopped after page 1 and corrected, and the same tag's full-sample score. */
function stopOne(entries: RegionEntry[], name: string) {
  const drift = learnPageOrderDrift(
    entries.filter((e) => e.candidate !== name).map((e) => e.posts),
    NONE,
    organic,
    NOW,
  );
  const full = scoreRegion(entries, NONE, organic, NOW, 'US').ranked.find((t) => t.candidate === name)!;
  const firstPage = entries.find((e) => e.candidate === name)!.posts.slice(0, organic.pageSize);
  const correction = correctionFor(drift, firstPage, NONE, organic, NOW)!;
  const stopped = entries.map((e) =>
    e.candidate === name
      ? { ...e, posts: firstPage, stoppedEarly: 'the ranking was decided; sampled 1 of 3 pages', correction }
      : e,
  );
  const shown = scoreRegion(stopped, NONE, organic, NOW, 'US').ranked.find((t) => t.candidate === name)!;
  return { correction, full, shown };
}

describe("adaptive sampling: a stopped tag's score corrected for the page order", () => {
  it('served at random the learnt drift is about 0 and the shown score is the in-hand one within its standard error', () => {
    const entries = region('random');
    const drift = learnPageOrderDrift(
      entries.map((e) => e.posts),
      NONE,
      organic,
      NOW,
    );
    expect(drift.get(1)!.n).toBe(20);
    for (const name of ['tag3', 'tag8', 'tag15']) {
      const { correction, shown } = stopOne(entries, name);
      // Velocity (a share) and likes (log scale) move by less than twice their standard error, the score too.
      expect(Math.abs(correction.shift.velocity)).toBeLessThan(2 * correction.se.velocity);
      expect(Math.abs(correction.shift.logDensity)).toBeLessThan(2 * correction.se.logDensity);
      expect(shown.inHandScore).toBeDefined();
      expect(shown.estimate!.se).toBeGreaterThan(0);
      expect(Math.abs(shown.score - shown.inHandScore!)).toBeLessThanOrEqual(2 * shown.estimate!.se);
      expect(shown.estimate!.text).toMatch(
        /^estimated from 1 of 3 pages: corrected for the page order by [+−]\d+\.\d \(± \d+\.\d, learnt from 19 fully sampled pairs\); \d+\.\d\d from the posts in hand$/,
      );
    }
  });

  it("served newest first, a stopped tag's shown score moves from its first page's toward its full sample's", () => {
    const entries = region('newest');
    for (const name of ['tag3', 'tag8', 'tag15']) {
      const { correction, full, shown } = stopOne(entries, name);
      // Page 1 holds the newest posts: velocity is corrected down.
      expect(correction.shift.velocity).toBeLessThan(-0.1);
      expect(Math.abs(shown.score - full.score)).toBeLessThan(Math.abs(shown.inHandScore! - full.score) / 2);
      // What the posts in hand say stays shown: the metrics are page 1's.
      expect(shown.velocity).toBeGreaterThan(full.velocity);
      expect(shown.flags.find((f) => f.kind === 'sampled-less')!.reason).toMatch(
        /Its score is estimated from 1 of 3 pages: corrected for the page order by −/,
      );
    }
  });

  it('a re-score under other settings (another window, or seed) shows the posts in hand: the drift was learnt for the run', () => {
    const entries = region('newest');
    const { correction } = stopOne(entries, 'tag8');
    const stopped = entries.map((e) =>
      e.candidate === 'tag8' ? { ...e, posts: e.posts.slice(0, organic.pageSize), correction } : e,
    );
    for (const settings of [{ ...organic, windowDays: 7 }, resolveSettings('seed')]) {
      const row = scoreRegion(stopped, NONE, settings, NOW, 'US').ranked.find((t) => t.candidate === 'tag8')!;
      expect(row.estimate).toBeUndefined();
      expect(row.inHandScore).toBeUndefined();
    }
  });

  it("a weights edit re-weighs a stopped tag's in-hand score, correction and words as a full score with them does", () => {
    const entries = region('newest');
    const { correction } = stopOne(entries, 'tag8');
    const stopped = entries.map((e) =>
      e.candidate === 'tag8'
        ? {
            ...e,
            posts: e.posts.slice(0, organic.pageSize),
            stoppedEarly: 'sampled 1 of 3 pages',
            correction,
          }
        : e,
    );
    const first = scoreRegion(stopped, NONE, organic, NOW, 'US');
    const arrays = rankArraysOf(first, new Map(stopped.map((e, i) => [e.candidate, i])));
    for (const weights of [
      { velocity: 0.7, density: 0.1, overlap: 0.2, adPenalty: 0.05 },
      { velocity: 0.1, density: 0.8, overlap: 0.1, adPenalty: 0 },
    ]) {
      rerank(arrays, weights);
      const fast = rerankedRegion(arrays, first, weights).ranked.find((t) => t.candidate === 'tag8')!;
      const full = scoreRegion(stopped, NONE, { ...organic, weights }, NOW, 'US').ranked.find(
        (t) => t.candidate === 'tag8',
      )!;
      expect(fast.estimate).toEqual(full.estimate);
      expect(fast.inHandScore).toBe(full.inHandScore);
      expect(fast.flags).toEqual(full.flags);
      // The words follow the weights: not the first scoring's.
      expect(fast.estimate!.text).not.toBe(first.ranked.find((t) => t.candidate === 'tag8')!.estimate!.text);
    }
  });

  it('too few complete samples: nothing is learnt and the stopped tag shows its posts in hand', () => {
    const entries = region('newest').slice(0, MIN_PAIRS_FOR_DRIFT - 1);
    const drift = learnPageOrderDrift(
      entries.map((e) => e.posts),
      NONE,
      organic,
      NOW,
    );
    expect(drift.size).toBe(0);
    expect(correctionFor(drift, entries[0]!.posts.slice(0, 30), NONE, organic, NOW)).toBeUndefined();
  });
});
