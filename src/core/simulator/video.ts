// One served post in the wire shape: its age, likes drawn around a median, a caption with its hashtags, a sound.
import type { Rng } from '../prng';
import { logNormal, pick } from '../prng';
import { DAY_S } from './clock';
import postsJson from './data/posts.json' with { type: 'json' };
import type { DatasetAuthor } from './dataset-types';
import type { WireVideo } from './wire-shapes';

const { captions: CAPTIONS, topics: TOPICS, songs: SONGS } = postsJson;

export const cover = (kind: string, id: string): string => `https://sim.tagfit.invalid/${kind}/${id}.jpeg`;

function caption(rng: Rng, tags: string[]): string | null {
  // A few real captions are empty and the API says null.
  if (rng() < 0.01) return null;
  const text = pick(rng, CAPTIONS)
    .replace('{x}', pick(rng, TOPICS))
    .replace('{n}', String(1 + Math.floor(rng() * 200)));
  return `${text} ${tags.map((t) => `#${t}`).join(' ')}`;
}

/** A post `ageS` seconds old at `hour`, by `author`, served in `region`, captioned with `tags`. */
export function video(
  rng: Rng,
  hour: number,
  ageS: number,
  likesMedian: number,
  sigma: number,
  author: DatasetAuthor,
  region: string,
  tags: string[],
): WireVideo {
  const createTime = Math.floor(hour / 1000) - Math.round(ageS);
  // Young posts have not collected their likes yet.
  const ripeness = Math.min(1, Math.sqrt(Math.max(ageS, 600) / (2 * DAY_S)));
  let likes = logNormal(rng, likesMedian, sigma) * ripeness;
  // The occasional viral post, two orders of magnitude above the median.
  if (rng() < 0.012) likes *= 60 + rng() * 120;
  const digg = Math.max(0, Math.round(likes));
  const rand32 = Math.floor(rng() * 2 ** 32);
  const videoId = ((BigInt(createTime) << 32n) | BigInt(rand32)).toString();
  const duration = 7 + Math.floor(rng() * 170);
  const original = rng() < 0.6;
  return {
    video_id: videoId,
    region,
    title: caption(rng, tags),
    cover: cover('cover', videoId),
    duration,
    play_count: Math.round(digg * (6 + rng() * 14) + rng() * 500),
    digg_count: digg,
    comment_count: Math.round(digg * (0.005 + rng() * 0.03)),
    share_count: Math.round(digg * (0.002 + rng() * 0.02)),
    collect_count: Math.round(digg * (0.01 + rng() * 0.08)),
    download_count: Math.round(digg * rng() * 0.005),
    create_time: createTime,
    is_ad: false,
    music_info: {
      id: String(7_000_000_000_000_000_000n + BigInt(Math.floor(rng() * 1e15))),
      title: original ? `original sound - ${author.uniqueId}` : pick(rng, SONGS),
      author: original ? author.nickname : 'Various',
      original,
      duration,
    },
    author: {
      id: author.id,
      unique_id: author.uniqueId,
      nickname: author.nickname,
      avatar: cover('avatar', author.id),
    },
  };
}

/** The field faults of `brokenfields`: every kind of bad value the client must survive, in a fixed rotation. */
export function breakFields(posts: WireVideo[], hour: number): WireVideo[] {
  return posts.map((p, i) => {
    const v: Record<string, unknown> = { ...p, author: { ...p.author } };
    switch (i % 10) {
      case 0:
        delete v.digg_count;
        break;
      case 1:
        v.digg_count = null;
        break;
      case 2:
        v.digg_count = String(p.digg_count || 123);
        break;
      case 3:
        v.digg_count = -5;
        v.comment_count = -1;
        break;
      case 4:
        delete v.author;
        break;
      case 5:
        v.title = null;
        break;
      case 6:
        v.create_time = p.create_time * 1000;
        break;
      case 7:
        v.create_time = Math.floor(hour / 1000) + 3 * DAY_S;
        break;
      case 8:
        v.author = { nickname: p.author.nickname };
        v.play_count = '1.2K';
        break;
      default:
        break;
    }
    return v as unknown as WireVideo;
  });
}
