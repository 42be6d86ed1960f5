// A recorded run opened again: what it asked for, read from its history file, and what the results then say.
import { describe, expect, it } from 'vitest';
import { describeReopened, reopenInputs } from '../../src/core/job/reopen-run';
import type { StoredRun } from '../../src/core/workspace/history';
import { resolveSettings } from '../../src/core/engine/presets';
import type { RunResult } from '../../src/shared/model';

const row = (candidate: string, rank: number, score = 90 - 10 * rank) =>
  ({ tag: candidate, candidate, rank, score }) as StoredRun['regions'][string]['ranked'][number];

const run: StoredRun = {
  format: 'tagfit-run',
  version: 1,
  id: '2026-11-20T10-00-00Z',
  now: '2026-11-20T10:00:00.000Z',
  preset: 'organic',
  settings: resolveSettings('organic'),
  credits: { used: 12 } as StoredRun['credits'],
  regions: {
    US: {
      ranked: [row('uxdesign', 2), row('founderlife', 1)],
      excluded: [{ tag: 'ZestColaChallenge', reason: 'ad', kind: 'commercial' }],
    },
    GB: { ranked: [row('founderlife', 1), row('booktok', 2)], excluded: [] },
  },
  failed: [{ tag: 'gymtok', region: 'GB', error: 'connection reset', code: 'network' }],
};

describe('reopenInputs', () => {
  it('asks for every tag the run ranked, excluded or failed, once, by rank first; its regions, settings and clock', () => {
    const asked = reopenInputs(run);
    expect(asked.candidates).toEqual(['founderlife', 'uxdesign', 'zestcolachallenge', 'booktok', 'gymtok']);
    expect(asked.regions).toEqual(['US', 'GB']);
    expect(asked.settings).toBe(run.settings);
    expect(asked.now.toISOString()).toBe(run.now);
  });
});

describe('describeReopened', () => {
  // Scored again as recorded: the same rows, ranks and scores in every region.
  const result = (failed: RunResult['failed'], regions = run.regions) =>
    ({ failed, regions }) as unknown as RunResult;
  it('names the run and says it cost nothing', () => {
    expect(describeReopened(run, result([]))).toBe(
      'The run of 2026-11-20 10:00 UTC, opened from the history: scored again from the cache, 0 credits.',
    );
  });
  it('names the pairs the cache no longer holds', () => {
    const missing = [{ tag: 'a', region: 'US', error: 'Offline', code: 'offline' as const }];
    expect(describeReopened(run, result(missing))).toMatch(
      /0 credits\. 1 tag-region pair is no longer in the cache: Run fetches it again\.$/,
    );
  });
  it('says how many ranked rows differ from those recorded: a score moved by a hundredth, a rank swapped', () => {
    const regions = {
      US: { ranked: [row('uxdesign', 2, 70.01), row('founderlife', 1)], excluded: [] },
      GB: { ranked: [row('founderlife', 2), row('booktok', 1)], excluded: [] },
    };
    expect(describeReopened(run, result([], regions))).toMatch(
      /0 credits\. 3 ranked rows differ from what the run recorded \(the cache now holds newer answers for some of its pages, or the creators list changed\): History keeps the recorded scores\.$/,
    );
  });
});
