// The independent stand-in API (scripts/bench/standin): it answers in the API description's shapes, and a small
// organic Tagfit run against it completes with ranked tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob } from '../../src/core/job/score-job';
import { Secret } from '../../src/core/secrets/secret';
import { pairPosts } from '../../scripts/bench/standin/posts';
import { startStandin, type Standin } from '../../scripts/bench/standin/server';
import { buildWorld } from '../../scripts/bench/standin/world';

const KEY = 'standin-test-key-0123';
const NOW_MS = Date.parse('2026-11-20T00:00:00Z');
const world = buildWorld();
const plain = world.tags.filter((t) => !t.commercial && !t.mega);

let api: Standin;
beforeAll(async () => {
  api = await startStandin({ key: KEY, now: NOW_MS, world });
});
afterAll(() => api.close());

async function get(
  path: string,
  params: Record<string, string> = {},
  key = KEY,
  base = api.url,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}?${new URLSearchParams(params)}`, { headers: { 'X-Api-Key': key } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

type Page = {
  videos: { create_time: number; digg_count: number; author: { unique_id: string } }[];
  cursor: string;
  hasMore: boolean;
};

describe('the stand-in API', () => {
  it('lists regions as code to name, and refuses a bad key with the error body', async () => {
    const regions = await get('/region-list/');
    expect(regions['US']).toBe('United States');
    expect(Object.keys(regions).length).toBeGreaterThanOrEqual(25);
    expect(await get('/region-list/', {}, 'wrong-key')).toEqual({ message: 'Api-Key is not available' });
    expect(await get('/challenge-info-name/', { name: plain[0]!.name }, 'wrong-key')).toEqual({
      message: 'Api-Key is not available',
    });
  });

  it('answers a hashtag by name as a flat challenge, and an unknown one with "Not found"', async () => {
    const tag = plain[0]!;
    const info = await get('/challenge-info-name/', { name: tag.name });
    expect(info).toMatchObject({ id: tag.id, cha_name: tag.name, is_commerce: false });
    expect(typeof info['view_count']).toBe('number');
    const mega = await get('/challenge-info-name/', { name: 'fyp' });
    expect(mega['view_count'] as number).toBeGreaterThan(1e11);
    const missing = await get('/challenge-info-name/', { name: 'nosuchtagatall' });
    expect(missing['status']).toBe('error');
    expect(String(missing['message'])).toMatch(/^Not found/);
  });

  it('pages posts with count at most 35 and cursor until hasMore is false, every post once', async () => {
    const region = world.regions[0]!;
    const tag = plain.find((t) => {
      const n = pairPosts(world, t, region, NOW_MS).length;
      return n > 40 && n < 120;
    })!;
    const total = pairPosts(world, tag, region, NOW_MS).length;
    const ids: string[] = [];
    let cursor = '0';
    for (let page = 0; page < 10; page++) {
      const p = (await get('/challenge-posts/', {
        challenge_id: tag.id,
        count: '50',
        cursor,
        region: region.code,
      })) as unknown as Page;
      expect(p.videos.length).toBeLessThanOrEqual(35);
      ids.push(...p.videos.map((v) => (v as unknown as { video_id: string }).video_id));
      cursor = p.cursor;
      if (!p.hasMore) break;
    }
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    const missing = await get('/challenge-posts/', { challenge_id: '1', count: '30', cursor: '0' });
    expect(missing['status']).toBe('error');
  });

  it('serves the first page newest first, most liked first or shuffled as the page order says', async () => {
    const tag = plain.find((t) => pairPosts(world, t, world.regions[0]!, NOW_MS).length > 200)!;
    const firstPage = async (order: 'newest' | 'popular' | 'random'): Promise<Page['videos']> => {
      const other = await startStandin({ key: KEY, now: NOW_MS, world, order });
      try {
        const params = { challenge_id: tag.id, count: '30', cursor: '0', region: 'US' };
        return ((await get('/challenge-posts/', params, KEY, other.url)) as unknown as Page).videos;
      } finally {
        await other.close();
      }
    };
    const [newest, popular, random] = [
      await firstPage('newest'),
      await firstPage('popular'),
      await firstPage('random'),
    ];
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const age = (page: Page['videos']): number => mean(page.map((v) => v.create_time));
    const likes = (page: Page['videos']): number => mean(page.map((v) => Math.log1p(v.digg_count)));
    expect(age(newest)).toBeGreaterThan(age(random));
    expect(age(newest)).toBeGreaterThan(age(popular));
    expect(likes(popular)).toBeGreaterThan(likes(random));
    expect(likes(popular)).toBeGreaterThan(likes(newest));
  });

  it('lets a small organic Tagfit run (3 tags × 2 regions) complete with every tag ranked', async () => {
    const candidates = plain.slice(0, 3).map((t) => t.name);
    const { result } = await runScoreJob({
      candidates,
      targets: world.targets,
      regions: ['US', 'DE'],
      settings: resolveSettings('organic', {}),
      now: new Date(NOW_MS),
      demo: false,
      apiBase: api.url,
      key: new Secret(KEY),
      requestsPerMinute: Number.POSITIVE_INFINITY,
    });
    expect(result.failed).toEqual([]);
    for (const region of ['US', 'DE']) {
      const ranked = result.regions[region]!.ranked;
      expect(ranked.map((t) => t.candidate).sort()).toEqual([...candidates].sort());
      expect(ranked.map((t) => t.rank)).toEqual([1, 2, 3]);
      expect(ranked.every((t) => t.sample > 0)).toBe(true);
    }
    expect(result.credits.used).toBeGreaterThan(0);
  });
});
