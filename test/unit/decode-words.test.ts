// A decode's estimate before it spends, and what a decode and creator fit say in the Output when they end.
import { describe, expect, it } from 'vitest';
import { estimateDecode } from '../../src/core/job/decode-estimate';
import { resolveSettings } from '../../src/core/engine/presets';
import { describeCreatorFit, describeDecode } from '../../src/shared/job-words';
import { NO_CREDITS } from '../../src/shared/model';
import type { CreatorFitResult, DecodeResult } from '../../src/shared/decode';

describe('decode estimate', () => {
  it('reading is a profile and two pages of posts each; a tag costs its info and its pages per region', () => {
    const full = { ...resolveSettings('organic'), sampling: 'full' as const, pages: 3 };
    const e = estimateDecode({ competitors: 2, posts: 60, regions: ['US', 'GB'], settings: full });
    expect(e.read).toBe(2 * (1 + 2));
    expect(e.perTag).toEqual({ expected: 7, max: 7 });
    expect(e.words).toBe(
      'Reading the last 60 posts of 2 competitors: up to 6 credits (less for what the cache holds). Then each hashtag found is scored in 2 regions (US, GB): about 7 credits a tag, at most 7.',
    );
    // Adaptive sampling fetches later pages only where they may change a rank: fewer expected, the same at most.
    const adaptive = estimateDecode({
      competitors: 1,
      posts: 60,
      regions: ['US'],
      settings: { ...full, sampling: 'adaptive' },
    });
    expect(adaptive.perTag.max).toBe(4);
    expect(adaptive.perTag.expected).toBeLessThan(4);
    expect(adaptive.perTag.expected).toBeGreaterThanOrEqual(2);
  });
});

describe('job words', () => {
  const credits = (used: number) => ({ ...NO_CREDITS, used });
  it('a decode says who was read, what was scored where, who failed and the credits', () => {
    const r = {
      now: '2026-11-20T10:00:00Z',
      candidates: ['a', 'b', 'c'],
      competitors: [{ username: 'acme_designs', sample: 60, tags: [{}, {}, {}] }],
      failed: [{ username: 'nosuch', error: 'No TikTok account @nosuch', code: 'not-found' }],
      scoring: { regions: { US: {}, GB: {} } },
      credits: credits(41),
    } as unknown as DecodeResult;
    expect(describeDecode(r)).toBe(
      'Decoded @acme_designs (60 posts, 3 hashtags): 3 tags scored in US, GB; 1 failed (@nosuch: No TikTok account @nosuch); 41 credits.',
    );
  });
  it('creator fit says how many were ranked, who first, who failed and the credits', () => {
    const r = {
      ranked: [{ username: 'studio_north' }, { username: 'acme_designs' }],
      failed: [],
      credits: credits(1),
    } as unknown as CreatorFitResult;
    expect(describeCreatorFit(r)).toBe('Scored 2 creators by fit: @studio_north first; 1 credit.');
  });
});
