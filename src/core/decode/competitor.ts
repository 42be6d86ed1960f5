// Competitor decoding: the hashtags a competitor uses, parsed from their recent captions, then scored with the
// normal pipeline in the given regions, so their tag mix can be read next to each tag's score and rank.
import type { ErrorCode, RegionCode, RunResult, UserInfo } from '../../shared/model';
import type {
  CaptionHashtag,
  CompetitorDecode,
  CompetitorTag,
  DecodeResult,
  FailedCreator,
  RegionStanding,
} from '../../shared/decode';
import { TagfitError, toErrorInfo } from '../errors';
import { HASHTAG_CHAR_PATTERN, HASHTAG_MAX, hashtagKey } from '../../shared/hashtag';
import type { CreatorEnd } from '../job/creator-progress';
import { isStopping } from '../stop-codes';
import { runPipeline } from '../pipeline/run';
import type { RegionRunBase } from '../pipeline/run-samples';
import { fetchCreatorSample } from './recent-posts';

export type { CaptionHashtag, CompetitorDecode, CompetitorTag, DecodeResult, FailedCreator, RegionStanding };

const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/giu;
/** Keycap emoji ("1️⃣", "#️⃣"): a digit or "#" dressed as an emoji is neither part of a tag nor its start. */
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
/**
 * A run of chained hashtags ("#a#b" is two) that starts at a boundary: not inside a word ("page#top"), a path
 * ("/#/route") or an HTML entity ("&#39;"). A tag ends at the first character a hashtag cannot hold: space,
 * punctuation, an emoji or its variation selector (so the keycap "#️⃣" is no tag).
 */
const TAG_RUN = new RegExp(`(?<!${HASHTAG_CHAR_PATTERN}|[&/])(?:#${HASHTAG_CHAR_PATTERN}+)+`, 'gu');
const TAG_IN_RUN = new RegExp(`#(${HASHTAG_CHAR_PATTERN}+)`, 'gu');

/**
 * The hashtags of some captions with how often each appears and in how many captions, most widely used first
 * (then most uses, then first seen). Null or empty captions count as captions without tags.
 */
export function hashtagsFromCaptions(captions: readonly (string | null | undefined)[]): CaptionHashtag[] {
  const found = new Map<string, CaptionHashtag>();
  for (const caption of captions) {
    if (!caption) continue;
    const text = caption.normalize('NFC').replace(URL, ' ').replace(KEYCAP, ' ');
    const inThisPost = new Set<string>();
    for (const run of text.matchAll(TAG_RUN)) {
      for (const m of run[0].matchAll(TAG_IN_RUN)) {
        const tag = hashtagKey(m[1]!);
        if ([...tag].length > HASHTAG_MAX) continue;
        let entry = found.get(tag);
        if (!entry) found.set(tag, (entry = { tag, uses: 0, posts: 0 }));
        entry.uses += 1;
        if (!inThisPost.has(tag)) {
          inThisPost.add(tag);
          entry.posts += 1;
        }
      }
    }
  }
  // Array.prototype.sort is stable: equal counts keep the order first seen.
  return [...found.values()].sort((a, b) => b.posts - a.posts || b.uses - a.uses);
}

export interface DecodeInput extends RegionRunBase {
  /** Usernames, normalised (no `@`, lower case), each once. */
  competitors: readonly string[];
  /** Recent posts to read per competitor. */
  posts: number;
  /** Target creators for overlap, lower case. */
  targets: readonly string[];
  onCreator?: (e: CreatorEnd) => void;
}

export async function decodeCompetitors(input: DecodeInput): Promise<DecodeResult> {
  const warn = input.onWarning ?? (() => {});
  const nowSec = Math.floor(input.now.getTime() / 1000);
  const failed: FailedCreator[] = [];
  const decoded: { username: string; user: UserInfo; sample: number; mix: CaptionHashtag[] }[] = [];
  let stopped: ErrorCode | undefined;
  await Promise.all(
    input.competitors.map(async (username, i) => {
      try {
        if (stopped) throw new TagfitError(stopped, `@${username}: not tried, the run stopped (${stopped}).`);
        const s = await fetchCreatorSample(input.api, username, input.posts, nowSec, {
          signal: input.signal,
          warn,
        });
        decoded[i] = {
          username,
          user: s.user,
          sample: s.posts.length,
          mix: hashtagsFromCaptions(s.posts.map((p) => p.caption)),
        };
        input.onCreator?.({ username, posts: s.posts.length });
      } catch (e) {
        const info = toErrorInfo(e);
        if (isStopping(info.code)) stopped = info.code;
        failed.push({ username, error: info.message, code: info.code });
        input.onCreator?.({ username, error: info.message, code: info.code });
      }
    }),
  );
  const ok = decoded.filter((d) => d !== undefined);
  failed.sort((a, b) => input.competitors.indexOf(a.username) - input.competitors.indexOf(b.username));
  const candidates = [...new Set(ok.flatMap((d) => d.mix.map((t) => t.tag)))];

  const scoring =
    candidates.length > 0 && !stopped
      ? (
          await runPipeline({
            api: input.api,
            candidates,
            targets: new Set(input.targets.map((t) => t.toLowerCase())),
            regions: input.regions,
            settings: input.settings,
            now: input.now,
            signal: input.signal,
            onProgress: input.onProgress,
            onWarning: warn,
          })
        ).result
      : undefined;

  const standings = scoring ? standingsByTag(scoring) : new Map<string, Record<RegionCode, RegionStanding>>();
  const unscored = Object.fromEntries(input.regions.map((r) => [r, { status: 'unscored' } as const]));
  return {
    now: input.now.toISOString(),
    candidates,
    competitors: ok.map((d) => ({
      username: d.username,
      user: {
        id: d.user.id,
        uniqueId: d.user.uniqueId,
        nickname: d.user.nickname,
        followerCount: d.user.followerCount,
        videoCount: d.user.videoCount,
      },
      sample: d.sample,
      tags: d.mix.map((t) => ({
        ...t,
        share: d.sample === 0 ? 0 : t.posts / d.sample,
        regions: { ...unscored, ...standings.get(t.tag) },
      })),
    })),
    failed,
    ...(scoring ? { scoring } : {}),
    credits: input.api.credits(),
  };
}

/** The candidate key of a name the pipeline reports (a cha_name may differ in case from the caption's tag). */
const keyOf = hashtagKey;

function standingsByTag(run: RunResult): Map<string, Record<RegionCode, RegionStanding>> {
  const out = new Map<string, Record<RegionCode, RegionStanding>>();
  const set = (tag: string, region: RegionCode, s: RegionStanding): void => {
    const k = keyOf(tag);
    let row = out.get(k);
    if (!row) out.set(k, (row = {}));
    row[region] = s;
  };
  for (const [region, r] of Object.entries(run.regions)) {
    for (const t of r.ranked) {
      set(t.candidate, region, {
        status: 'ranked',
        score: t.score,
        rank: t.rank,
        of: r.ranked.length,
        velocity: t.velocity,
        density: t.density,
        overlap: t.overlap,
        sample: t.sample,
        flags: t.flags.map((f) => f.kind),
      });
    }
    for (const e of r.excluded) set(e.tag, region, { status: 'excluded', reason: e.reason });
  }
  for (const f of run.failed) set(f.tag, f.region, { status: 'failed', error: f.error });
  return out;
}
