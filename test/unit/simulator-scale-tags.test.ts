// The simulator's long-list switch: 200 ordinary tags added to the demo world, served in every region with their
// own shapes, the world's own tags unchanged and
// their posts too but for the tags riding along in captions.
import { describe, expect, it } from 'vitest';
import { buildDemoDataset, createGenerator, DATASET_EPOCH } from '../../src/core/simulator/index';
import { scaleTagNames, withScaleTags } from '../../src/core/simulator/scale-tags';

const world = buildDemoDataset();
const scaled = withScaleTags(world, 200);
const NOW = DATASET_EPOCH + 3 * 86_400_000;

describe('withScaleTags', () => {
  it('adds the long list with ids of their own, after the world tags, which are unchanged', () => {
    expect(scaled.tags.slice(0, world.tags.length)).toEqual(world.tags);
    const added = scaled.tags.slice(world.tags.length);
    expect(added.map((t) => t.name)).toEqual(scaleTagNames(200));
    const ids = new Set(scaled.tags.map((t) => t.id));
    expect(ids.size).toBe(scaled.tags.length);
    // Deterministic: built twice, the same tags.
    expect(withScaleTags(buildDemoDataset(), 200).tags).toEqual(scaled.tags);
  });

  it('serves a full sample of each added tag in every one of 25 regions, the tags unlike each other', () => {
    const gen = createGenerator(scaled);
    const regions = Object.keys(scaled.regions).slice(0, 25);
    const tags = scaled.tags.slice(world.tags.length, world.tags.length + 20);
    for (const t of tags)
      for (const r of regions)
        expect(gen.posts(t, r, NOW).length, `#${t.name} in ${r}`).toBeGreaterThanOrEqual(90);
    // Not 200 copies of one tag: their shapes and typical likes differ.
    expect(new Set(tags.map((t) => t.shape)).size).toBeGreaterThan(2);
    expect(new Set(tags.map((t) => t.likes.median)).size).toBeGreaterThan(10);
    // The world's own tags serve the same posts (times, likes, authors): only the tags riding along in a caption
    // may now be one of the added ones.
    const designtok = world.tags.find((t) => t.name === 'designtok')!;
    const strip = (posts: { title: string | null }[]) =>
      posts.map((p) => ({ ...p, title: (p.title ?? '').replace(/\s*#\S+/g, '').trim() }));
    expect(strip(gen.posts(designtok, 'US', NOW))).toEqual(
      strip(createGenerator(world).posts(designtok, 'US', NOW)),
    );
  });
});
