// Before a decode spends: what reading the competitors costs (known: a profile and the pages of posts each) and what
// each hashtag found will cost to score in the workspace's regions (the run estimate's model, estimate.ts). How many
// hashtags the captions hold is unknown until they are read, so the total is said per tag, never guessed.
import type { DecodeEstimate } from '../../shared/decode-estimate';
import type { ScoringSettings } from '../../shared/model';
import { USER_POSTS_PAGE_MAX } from '../decode/recent-posts';
import { readRegionList } from '../input/csv-lists';
import type { Workspace } from '../workspace/layout';
import { laterPagesShare } from './estimate';
import { DECODE_POSTS } from './decode-job';
import { resolveJobSettings } from './job-inputs';

export type { DecodeEstimate };

export function estimateDecode(input: {
  competitors: number;
  posts: number;
  regions: readonly string[];
  settings: ScoringSettings;
}): DecodeEstimate {
  const { settings } = input;
  const read = input.competitors * (1 + Math.ceil(input.posts / USER_POSTS_PAGE_MAX));
  const r = input.regions.length;
  // A tag found is a candidate of a small list (a decode scores tens, not hundreds): the share of later pages the
  // bench measured for lists of that size.
  const later = laterPagesShare(10, settings.sampling);
  const perTag = {
    expected: Math.round((1 + r * (1 + (settings.pages - 1) * later)) * 10) / 10,
    max: 1 + r * settings.pages,
  };
  const who = input.competitors === 1 ? '1 competitor' : `${input.competitors} competitors`;
  const where = r === 1 ? `1 region (${input.regions[0]})` : `${r} regions (${input.regions.join(', ')})`;
  const words =
    `Reading the last ${input.posts} posts of ${who}: up to ${read} credits (less for what the cache holds). ` +
    `Then each hashtag found is scored in ${where}: about ${perTag.expected} credits a tag, at most ${perTag.max}.`;
  return {
    competitors: input.competitors,
    posts: input.posts,
    regions: [...input.regions],
    read,
    perTag,
    words,
  };
}

/** The estimate of a decode in a workspace: its regions and its preset's sampling. */
export async function estimateWorkspaceDecode(
  workspace: Workspace,
  competitors: number,
  posts = DECODE_POSTS,
): Promise<DecodeEstimate> {
  const regions = (await readRegionList(workspace.paths.regions)).values;
  return estimateDecode({
    competitors,
    posts,
    regions,
    settings: resolveJobSettings(workspace, undefined, undefined),
  });
}
