// The simulator's records in the wire shape: a hashtag's challenge info and a user's profile.
import { lifetimeCount, roundSig } from './clock';
import type { DatasetAuthor, DatasetTag } from './dataset-types';
import { cover } from './video';
import type { WireChallenge, WireUserInfo } from './wire-shapes';

/** The tag's challenge record `weeks` after the dataset epoch (its lifetime counts grown). */
export function challengeAt(tag: DatasetTag, w: number): WireChallenge {
  return {
    id: tag.id,
    cha_name: tag.name,
    desc: tag.desc,
    user_count: Math.round(lifetimeCount(tag.base.userCount, tag.weeklyGrowth, tag.saturation, w)),
    view_count: roundSig(lifetimeCount(tag.base.viewCount, tag.weeklyGrowth * 1.1, tag.saturation, w), 4),
    is_pgcshow: false,
    is_commerce: tag.isCommerce,
    is_challenge: tag.isChallenge,
    is_strong_music: false,
    type: tag.type,
    cover: tag.isCommerce ? cover('challenge', tag.id) : '',
  };
}

/** A user's profile and counts as /userinfo-by-username/ answers them. */
export function userInfoOf(a: DatasetAuthor): WireUserInfo {
  return {
    user: {
      id: a.id,
      uniqueId: a.uniqueId,
      secUid: a.secUid,
      nickname: a.nickname,
      avatarThumb: cover('avatar', a.id),
      signature: a.themes.length > 0 ? `${a.themes.join(' · ')} | links below` : '',
      verified: a.verified,
      region: a.region,
    },
    stats: {
      followerCount: a.followers,
      followingCount: a.following,
      heartCount: a.hearts,
      videoCount: a.videos,
      diggCount: Math.round(a.following * 37),
    },
  };
}
