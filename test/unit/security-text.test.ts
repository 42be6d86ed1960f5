// Security pass item 5: hostile text from the API made inert for the app (one step, shared with the reports), and
// the username rule on creator suggestions and on own accounts.
import { describe, expect, it } from 'vitest';
import { suggestCreators } from '../../src/core/discover/cooccurrence';
import type { Post, RegionResult, ScoredTag } from '../../src/shared/model';
import { inert } from '../../src/shared/safe-text';
import { usernameProblem } from '../../src/shared/username';

describe('5. API text made inert for the app', () => {
  it('direction overrides are dropped (an author "\\u202emia" no longer reverses its line), controls become spaces, length is capped', () => {
    expect(inert('by \u202emia, 3 posts')).toBe('by mia, 3 posts');
    expect(inert('\u202eevil\u202c gnp.exe')).toBe('evil gnp.exe');
    expect(inert('\u2066a\u2069\u200f\u061c')).toBe('a');
    expect(inert('line\none\ttab\u0007bell')).toBe('line one tab bell');
    const long = inert('a'.repeat(5000));
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
    // Right-to-left and other scripts are left as they are (the renderer isolates them with <bdi>).
    expect(inert('مرحبا 你好 🔥')).toBe('مرحبا 你好 🔥');
  });
});

describe('5. the username rule', () => {
  it('refuses what cannot be a TikTok username', () => {
    for (const bad of [
      'javascript:alert(1)',
      '<svg/onload=alert(1)>',
      'a'.repeat(5000),
      '../../etc/passwd',
      'x',
      '',
    ])
      expect(usernameProblem(bad), bad.slice(0, 30)).toBeDefined();
    for (const ok of ['acme_designs', 'studio.north', 'ab']) expect(usernameProblem(ok)).toBeUndefined();
    // The reason is a whole sentence: what the value is, and what a username has.
    expect(usernameProblem('a')).toBe('1 character long: a TikTok username has 2 to 24 characters');
  });

  it('creator suggestions never offer an author that cannot be a username', () => {
    let n = 0;
    const post = (authorId: string): Post => ({
      id: `p${++n}`,
      createTime: 1_795_000_000,
      likes: 10,
      comments: 0,
      shares: 0,
      plays: 0,
      authorId,
      caption: 'x',
    });
    const hostile = ['javascript:alert(1)', '<svg/onload=alert(1)>', 'a'.repeat(5000), '\u202emia'];
    const samples: Record<string, Post[]> = {
      a: [post('sam'), ...hostile.map(post)],
      b: [post('sam'), ...hostile.map(post)],
    };
    const tag = (name: string, rank: number) =>
      ({ tag: name, candidate: name, rank, score: 10 - rank, flags: [] }) as unknown as ScoredTag;
    const r: RegionResult = { region: 'US', ranked: [tag('a', 1), tag('b', 2)], excluded: [] };
    const out = suggestCreators([r], (_r, c) => samples[c] ?? [], new Set());
    expect(out.map((c) => c.username)).toEqual(['sam']);
  });
});
