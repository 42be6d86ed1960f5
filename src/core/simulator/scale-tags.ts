// The simulator's switch for agency-scale lists: the demo world plus `count` ordinary hashtags (`scaletag0` …),
// each with its own pace, likes and share of the demo's creators, so a 200-tag list in 25 regions can be run and
// driven in the workbench as a real run, not only held in memory by the bench. Off by default: the demo world's
// answers are unchanged unless a dataset is built with withScaleTags (then only the tags riding along in a
// caption may be one of the added ones).
import { digits, rngFor } from '../prng';
import { lookupKey } from './dataset';
import type { Dataset, DatasetTag, TagShape } from './dataset-types';
import { shapeDefaults } from './world-data';

/** The shapes an ordinary candidate takes, most of them living tags (a long list is mostly plausible picks). */
const SHAPES: readonly TagShape[] = [
  'steady',
  'steady',
  'surging',
  'niche',
  'emerging',
  'declining',
  'regional',
];

/** The names withScaleTags adds, in order: what a long list's tags.csv holds. */
export const scaleTagNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `scaletag${i}`);

/** The dataset with `count` synthetic hashtags added (posts in every region), each drawn from its own stream. */
export function withScaleTags(dataset: Dataset, count: number): Dataset {
  const known = new Set(dataset.tags.map((t) => lookupKey(t.name)));
  const themes = [...new Set(dataset.tags.flatMap((t) => t.themes))].sort();
  const added: DatasetTag[] = [];
  for (const name of scaleTagNames(count)) {
    if (known.has(lookupKey(name))) continue;
    const rng = rngFor('scale-tag', name);
    const shape = SHAPES[Math.floor(rng() * SHAPES.length)]!;
    const d = shapeDefaults(shape);
    const scale = 0.5 + rng() * 1.5;
    added.push({
      ...d,
      id: digits(rng, '8', 17),
      name,
      shape,
      desc: `Synthetic tag ${name} (a long list's)`,
      // Every region: a long list is scored everywhere the agency works.
      regions: null,
      posts: Math.max(d.posts, 95),
      // Lifetime counts from a tenth to three times the shape's: a long list mixes small and big tags.
      base: {
        userCount: Math.round(d.base.userCount * (0.1 + rng() * 2.9)),
        viewCount: Math.round(d.base.viewCount * (0.1 + rng() * 2.9)),
      },
      likes: { median: Math.round(d.likes.median * scale), sigma: d.likes.sigma },
      themes: themes.length > 0 ? [themes[Math.floor(rng() * themes.length)]!] : [],
      creatorShare: Math.round(rng() * 0.2 * 100) / 100,
      community: 40 + Math.floor(rng() * 400),
    });
  }
  return { ...dataset, tags: [...dataset.tags, ...added] };
}
