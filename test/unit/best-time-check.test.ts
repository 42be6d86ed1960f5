// Whether posts made in the suggested window did better, on hand-made posts whose truth is known: a 2× effect is
// found, no effect is not claimed, too few posts claim nothing, and the verdict's error rates over seeded worlds.
import { describe, expect, it } from 'vitest';
import {
  checkBestTime,
  insideWindow,
  MIN_GROUP,
  suggestedWindow,
  type SuggestedWindow,
} from '../../src/core/track/best-time-check';
import { zonedToUtc } from '../../src/core/plan/time-zones';
import { logNormal, mulberry32 } from '../../src/core/prng';
import type { TrackedPost } from '../../src/shared/track';

const TZ = 'America/New_York';
const SUGGESTED: SuggestedWindow = {
  region: 'US',
  window: { from: '18:00', to: '21:00', timeZone: TZ },
  reason: '',
};

/** A matched, settled post made at a local hour on a day of October 2026, with its likes at equal age. */
function post(day: number, hour: number, relLikes: number, extra: Partial<TrackedPost> = {}): TrackedPost {
  const date = `2026-10-${String(day).padStart(2, '0')}`;
  return {
    account: 'me',
    postedAt: new Date(zonedToUtc(TZ, date, hour, 30)).toISOString(),
    likes: Math.round(relLikes * 100),
    plays: 0,
    tags: ['fit'],
    scored: [{ tag: 'fit', score: 0.5 }],
    runAt: '2026-09-01T00:00:00.000Z',
    tagScore: 0.5,
    relLikes,
    settled: true,
    relPlays: null,
    ...extra,
  };
}

/** `inside` posts at 19:30 and `outside` posts at 9:30 local, likes log-normal around `lift` and 1. */
function world(seed: number, inside: number, outside: number, lift: number): TrackedPost[] {
  const rng = mulberry32(seed);
  const posts: TrackedPost[] = [];
  for (let i = 0; i < inside; i++) posts.push(post(1 + (i % 28), 19, logNormal(rng, lift, 0.6)));
  for (let i = 0; i < outside; i++) posts.push(post(1 + (i % 28), 9, logNormal(rng, 1, 0.6)));
  return posts;
}

describe('insideWindow', () => {
  it("takes the window's local hours, the end exclusive, across midnight too", () => {
    const at = (date: string, h: number, m = 0): number => zonedToUtc(TZ, date, h, m);
    expect(insideWindow(SUGGESTED.window!, at('2026-07-01', 18))).toBe(true);
    expect(insideWindow(SUGGESTED.window!, at('2026-12-01', 20, 59))).toBe(true);
    expect(insideWindow(SUGGESTED.window!, at('2026-12-01', 21))).toBe(false);
    expect(insideWindow(SUGGESTED.window!, at('2026-12-01', 17, 59))).toBe(false);
    const late = { from: '22:00', to: '02:00', timeZone: TZ };
    expect(insideWindow(late, at('2026-12-01', 23, 30))).toBe(true);
    expect(insideWindow(late, at('2026-12-01', 1, 59))).toBe(true);
    expect(insideWindow(late, at('2026-12-01', 2))).toBe(false);
  });
});

describe('checkBestTime', () => {
  it('posts inside the window doing 2× better: a positive difference whose interval excludes 0', () => {
    const c = checkBestTime(world(1, 20, 30, 2), SUGGESTED, 'me');
    expect(c.inside.posts).toBe(20);
    expect(c.outside.posts).toBe(30);
    expect(c.inside.median!).toBeGreaterThan(c.outside.median!);
    expect(c.difference!.low).toBeGreaterThan(0);
    expect(c.verdict).toMatch(
      /^Posts at the suggested time did better: posts made inside 18:00–21:00 America/,
    );
    // Seeded: the same posts give the same report.
    expect(checkBestTime(world(1, 20, 30, 2), SUGGESTED, 'me')).toEqual(c);
  });

  it('no effect: the interval includes 0 and no difference is claimed', () => {
    const c = checkBestTime(world(2, 20, 30, 1), SUGGESTED, 'me');
    expect(c.difference!.low).toBeLessThan(0);
    expect(c.difference!.high).toBeGreaterThan(0);
    expect(c.verdict).toMatch(/^No difference can be told apart from chance: .*which includes 0/);
  });

  it(`under ${MIN_GROUP} posts on either side: not enough evidence, and no interval`, () => {
    const c = checkBestTime(world(3, MIN_GROUP - 1, 40, 3), SUGGESTED, 'me');
    expect(c.difference).toBeNull();
    expect(c.verdict).toBe(
      `Not enough evidence yet on the suggested time: ${MIN_GROUP - 1} matched posts were made inside 18:00–21:00 America/New_York and 40 outside; ${MIN_GROUP} are needed in each.`,
    );
  });

  it('leaves out posts with no scored hashtag and posts still gathering likes', () => {
    const posts = [
      ...world(4, 12, 12, 1),
      post(3, 19, 9, { tagScore: undefined, scored: [], runAt: undefined }),
      post(4, 19, 9, { settled: false }),
    ];
    const c = checkBestTime(posts, SUGGESTED, 'me');
    expect(c.inside.posts).toBe(12);
    expect(c.outside.posts).toBe(12);
  });

  it('with no suggested window, says so for the region and compares nothing', () => {
    const c = checkBestTime(
      world(5, 20, 30, 2),
      { region: 'DE', window: null, reason: 'no clear best time in DE' },
      'me',
    );
    expect(c.window).toBeNull();
    expect(c.difference).toBeNull();
    expect(c.verdict).toBe(
      "No best time was suggested in DE (no clear best time in DE): nothing to check the posts' times against.",
    );
  });

  it('the verdict errs at a known rate: false alarms with no effect, power with a 2× effect (200 seeded worlds each)', () => {
    const said = (lift: number): { better: number; worse: number } => {
      const n = { better: 0, worse: 0 };
      for (let s = 0; s < 200; s++) {
        const d = checkBestTime(world(1000 + s, 15, 30, lift), SUGGESTED, `w${s}`).difference!;
        if (d.low > 0) n.better++;
        if (d.high < 0) n.worse++;
      }
      return { better: n.better / 200, worse: n.worse / 200 };
    };
    const none = said(1);
    const twice = said(2);
    console.log(
      `best-time check, 15 posts inside and 30 outside: with no effect 'better' ${none.better}, 'worse' ${none.worse}; with 2× 'better' ${twice.better}`,
    );
    // A 90 % interval: about 10 % of worlds with nothing to find claim a difference, either way.
    expect(none.better + none.worse).toBeLessThanOrEqual(0.12);
    expect(twice.better).toBeGreaterThanOrEqual(0.8);
    expect(twice.worse).toBe(0);
  });
});

describe('suggestedWindow', () => {
  it("says why there is none when the run's samples hold nothing of the region", () => {
    const s = suggestedWindow(
      {
        result: { now: '2026-11-01T00:00:00Z', regions: {} },
        data: { challenges: new Map(), samples: new Map() },
      },
      'US',
      Date.parse('2026-11-01T00:00:00Z'),
    );
    expect(s).toEqual({ region: 'US', window: null, reason: "the last run's samples hold no post of US" });
  });
});
