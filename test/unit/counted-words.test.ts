// Lines that count things say one thing in the singular: the CLI's estimate and the reports' credits line.
import { describe, expect, it } from 'vitest';
import { describeEstimate } from '../../src/core/job/prepare-score';
import { creditsText } from '../../src/core/report/settings-words';

describe('counted words', () => {
  it('the estimate says "1 answer" and "12 answers"', () => {
    const est = { network: { min: 3, max: 3 }, expected: 3, reference: 8, pairsCached: 0, pairs: 2 };
    expect(describeEstimate({ ...est, fromCache: 1 })).toBe(
      'estimate: 1 answer from the cache, 3 credits to spend (reference method: 8)',
    );
    expect(describeEstimate({ ...est, fromCache: 12 })).toMatch(/^estimate: 12 answers from the cache,/);
  });

  it('the credits line says "1 request sent, 1 retry, 1 answer from the cache"', () => {
    const credits = {
      used: 1,
      byEndpoint: { '/challenge-posts/': 1 },
      calls: 1,
      retries: 1,
      rateLimited: 0,
      fromCache: 1,
      saved: { byCache: 1, byInfoOnce: 0 },
    };
    expect(creditsText(credits)).toContain('; 1 request sent, 1 retry, 1 answer from the cache;');
    expect(creditsText({ ...credits, calls: 44, retries: 0, fromCache: 0 })).toContain(
      '; 44 requests sent, 0 retries, 0 answers from the cache;',
    );
  });
});
