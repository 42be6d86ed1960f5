// Which region's scores a track matches the posts to, when the user names none.
import { describe, expect, it } from 'vitest';
import { trackRegion } from '../../src/core/job/track-job';

const run = (...regions: string[]) =>
  ({ regions: Object.fromEntries(regions.map((r) => [r, { ranked: [], excluded: [] }])) }) as never;

describe('trackRegion', () => {
  it('takes the region asked for as it is (upper case), scored or not: the job says when no run scored it', () => {
    expect(trackRegion('gb', ['US'], [run('US')])).toBe('GB');
  });
  it('by default, the first listed region that a run scored: a region added to the top of the list since is passed over', () => {
    expect(trackRegion(undefined, ['JP', 'US', 'GB'], [run('GB'), run('US', 'GB')])).toBe('US');
  });
  it('with no run yet, the first listed; with nothing listed, none', () => {
    expect(trackRegion(undefined, ['de', 'US'], [])).toBe('DE');
    expect(trackRegion(undefined, [], [])).toBeUndefined();
  });
});
