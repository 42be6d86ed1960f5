// Seeded synthetic samples for the scoring-worker tests: `tags` candidates in US, GB and DE, each sample's length,
// age spread, likes and share of target creators drawn from the shape given, so each test picks its own mix.
import { type RunSamples, sampleKey } from '../../src/core/pipeline/run';
import { mulberry32, type Rng } from '../../src/core/prng';
import type { Post } from '../../src/shared/model';

export const NOW = 1_795_000_000;
export const REGIONS = ['US', 'GB', 'DE'];
export const TARGETS = ['target_1', 'target_2'];

export interface SampleShape {
  seed: number;
  /** Per sample: its posts' age spread in days (drawn before its length), and its length. */
  days: (rng: Rng) => number;
  posts: (rng: Rng) => number;
  /** Tag i's likes scale (likes are rng² × this). */
  likes: (i: number) => number;
  /** Share of posts by target_1; other authors are c0 … c<authors - 1>. */
  targetShare: number;
  authors: number;
  isCommerce: (i: number) => boolean;
}

export function workerSamples(tags: number, shape: SampleShape): { candidates: string[]; data: RunSamples } {
  const rng = mulberry32(shape.seed);
  const data: RunSamples = { challenges: new Map(), samples: new Map(), stoppedEarly: new Map() };
  const candidates = Array.from({ length: tags }, (_, i) => `tag${i}`);
  for (const [i, c] of candidates.entries()) {
    data.challenges.set(c, {
      id: String(i),
      name: c,
      desc: '',
      userCount: 5_000,
      viewCount: 1e6,
      isCommerce: shape.isCommerce(i),
    });
    for (const r of REGIONS) {
      const days = shape.days(rng);
      const posts: Post[] = Array.from({ length: shape.posts(rng) }, (_, j) => ({
        id: `${c}${r}${j}`,
        createTime: Math.floor(NOW - rng() * days * 86_400),
        likes: Math.round(rng() ** 2 * shape.likes(i)),
        comments: 0,
        shares: 0,
        plays: 0,
        authorId: rng() < shape.targetShare ? 'target_1' : `c${Math.floor(rng() * shape.authors)}`,
        caption: '',
      }));
      data.samples.set(sampleKey(r, c), posts);
    }
  }
  data.stoppedEarly!.set(sampleKey('GB', 'tag2'), 'adaptive sampling had what it needed');
  return { candidates, data };
}
