// The best time to post beats chance or says nothing: a region whose evening posts get 3× the likes is found in
// its own time zone, and regions without an hour effect claim no best time in at least 90 % of seeded simulations.
import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/shared/model';
import { bestTimeOf, type TagPosts } from '../../src/core/plan/best-time';
import { localHour, timeZoneOf, zonedToUtc } from '../../src/core/plan/time-zones';
import { logNormal, mulberry32 } from '../../src/core/prng';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY_MS = 86_400_000;

/** Tags of different sizes and typical likes, posted over 30 days; `effect` multiplies likes in local hours. */
function simulate(
  seed: number,
  timeZone: string,
  opts: { tags: number; perTag: number; effect?: { fromHour: number; toHour: number; factor: number } },
): TagPosts[] {
  const rng = mulberry32(seed);
  const out: TagPosts[] = [];
  for (let t = 0; t < opts.tags; t++) {
    const median = 50 * 10 ** (rng() * 3);
    const posts: Post[] = [];
    for (let i = 0; i < opts.perTag; i++) {
      const created = NOW - rng() * 30 * DAY_MS;
      let likes = logNormal(rng, median, 1.2);
      if (rng() < 0.012) likes *= 100;
      const h = localHour(timeZone, created);
      if (opts.effect && h >= opts.effect.fromHour && h < opts.effect.toHour) likes *= opts.effect.factor;
      posts.push({
        id: `${seed}-${t}-${i}`,
        createTime: Math.floor(created / 1000),
        likes: Math.round(likes),
        comments: 0,
        shares: 0,
        plays: 0,
        authorId: `a${i}`,
        caption: '',
      });
    }
    out.push({ tag: `tag${t}`, posts });
  }
  return out;
}

describe('best time to post', () => {
  it("finds the evening window of a region whose evening posts get 3× the likes, in the region's zone", () => {
    const timeZone = timeZoneOf('MX');
    expect(timeZone).toBe('America/Mexico_City');
    const samples = simulate(7, timeZone, {
      tags: 4,
      perTag: 200,
      effect: { fromHour: 18, toHour: 22, factor: 3 },
    });
    const e = bestTimeOf(samples, { region: 'MX', timeZone, now: NOW, seed: 1 });
    expect(e.bestTime).not.toBeNull();
    const b = e.bestTime!;
    expect(b.timeZone).toBe('America/Mexico_City');
    const from = Number(b.from.slice(0, 2));
    const to = Number(b.to.slice(0, 2));
    expect(from).toBeGreaterThanOrEqual(18);
    expect(to).toBeLessThanOrEqual(22);
    expect(b.p).toBeLessThan(0.05);
    expect(b.interval[0]).toBeLessThan(b.lift);
    expect(b.interval[1]).toBeGreaterThan(b.lift);
    expect(b.interval[0]).toBeGreaterThan(1.5);
    expect(e.verdict).toContain('America/Mexico_City');
    // The evidence by hour shows the effect where it is.
    expect(e.byHour[19]!.lift).toBeGreaterThan(2 * e.byHour[10]!.lift);
  });

  it('claims no best time in at least 90 % of 100 seeded regions without an hour effect', () => {
    const timeZone = timeZoneOf('DE');
    let claims = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const samples = simulate(1000 + seed, timeZone, { tags: 3, perTag: 100 });
      const e = bestTimeOf(samples, { region: 'DE', timeZone, now: NOW, seed, permutations: 199 });
      if (e.bestTime) claims++;
      else expect(e.verdict).toMatch(/^no clear best time in DE: .*post when your audience is awake$/);
    }
    expect(claims).toBeLessThanOrEqual(10);
  });

  it('leaves out posts younger than a day, and says how many', () => {
    const timeZone = timeZoneOf('US');
    const samples = simulate(3, timeZone, { tags: 2, perTag: 100 });
    const young = samples[0]!.posts.filter((p) => NOW / 1000 - p.createTime < 86_400).length;
    const e = bestTimeOf(samples, { region: 'US', timeZone, now: NOW, permutations: 99 });
    expect(young).toBeGreaterThan(0);
    expect(e.leftOutYoung).toBe(
      samples.flatMap((s) => s.posts).filter((p) => NOW / 1000 - p.createTime < 86_400).length,
    );
    expect(e.posts).toBe(200 - e.leftOutYoung);
  });

  it('claims nothing on too few posts', () => {
    const timeZone = timeZoneOf('JP');
    const e = bestTimeOf(simulate(5, timeZone, { tags: 1, perTag: 60 }), {
      region: 'JP',
      timeZone,
      now: NOW,
    });
    expect(e.bestTime).toBeNull();
    expect(e.verdict).toMatch(/too few/);
  });
});

describe('region time zones', () => {
  it('says what to do for a region without a known zone', () => {
    expect(() => timeZoneOf('XQ')).toThrow(/No main time zone is known for region XQ/);
  });

  it('places a local time across a daylight-saving change', () => {
    // 02:30 does not exist in New York on 2026-03-08: it moves on by the gap, to 03:30 EDT.
    expect(new Date(zonedToUtc('America/New_York', '2026-03-08', 2, 30)).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(new Date(zonedToUtc('Europe/Berlin', '2026-07-01', 18, 0)).toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    );
  });
});
