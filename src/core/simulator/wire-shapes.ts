// TikLiveAPI's wire shapes as the simulator answers them (what the real API sends, extra fields included).

export interface WireChallenge {
  id: string;
  cha_name: string;
  desc: string;
  user_count: number;
  view_count: number;
  is_pgcshow: boolean;
  is_commerce: boolean;
  is_challenge: boolean;
  is_strong_music: boolean;
  type: number;
  cover: string;
}

export interface WireVideo {
  video_id: string;
  region: string;
  title: string | null;
  cover: string;
  duration: number;
  play_count: number;
  digg_count: number;
  comment_count: number;
  share_count: number;
  collect_count: number;
  download_count: number;
  create_time: number;
  is_ad: boolean;
  music_info: { id: string; title: string; author: string; original: boolean; duration: number };
  author: { id: string; unique_id: string; nickname: string; avatar: string };
}

export interface WirePostsPage {
  videos: unknown[];
  cursor: string;
  hasMore: boolean;
}

export interface WireUserInfo {
  user: {
    id: string;
    uniqueId: string;
    secUid: string;
    nickname: string;
    avatarThumb: string;
    signature: string;
    verified: boolean;
    region: string;
  };
  stats: {
    followerCount: number;
    followingCount: number;
    heartCount: number;
    videoCount: number;
    diggCount: number;
  };
}
