// The simulator's tables, kept as data in data/*.json: typed here, with the checks TypeScript cannot make on JSON.
import { TagfitError } from '../errors';
import type { DatasetTag, EdgeBehaviour, TagShape } from './dataset-types';
import shapesJson from './data/shapes.json' with { type: 'json' };
import tagsJson from './data/tags.json' with { type: 'json' };
import worldJson from './data/world.json' with { type: 'json' };

/** What every tag has unless its shape or its own entry says otherwise. */
type TagDefaults = Omit<DatasetTag, 'id' | 'name' | 'shape' | 'desc'>;

/** One hashtag as data/tags.json gives it: name and shape, and what it overrides of its shape's defaults. */
type TagEntry = Partial<Omit<DatasetTag, 'name' | 'shape'>> & { name: string; shape: TagShape };

/** A demo target creator and the themes that make it show up in some tags far more than others. */
interface CreatorEntry {
  uniqueId: string;
  nickname: string;
  themes: string[];
  region: string;
}

const BEHAVIOURS: readonly EdgeBehaviour[] = ['broken-fields', 'cursor-loop', 'empty-more', 'dup-pages'];

function broken(what: string): TagfitError {
  return new TagfitError('internal', `The simulator's data (src/core/simulator/data): ${what}.`);
}

// JSON's inferred types are wider than ours (a shape is any string): the checks below stand in for the compiler.
const SHAPE_DEFAULTS = shapesJson.defaults as unknown as TagDefaults;
const SHAPE_OVERRIDES = shapesJson.shapes as unknown as Record<TagShape, Partial<TagDefaults>>;
const TAG_GROUPS = tagsJson.groups as unknown as { about: string; tags: TagEntry[] }[];

/** The defaults of a shape: the common defaults, then what the shape changes. */
export function shapeDefaults(shape: TagShape): TagDefaults {
  return { ...SHAPE_DEFAULTS, ...SHAPE_OVERRIDES[shape] };
}

function loadTags(): TagEntry[] {
  const entries = TAG_GROUPS.flatMap((g) => g.tags);
  for (const t of entries) {
    if (!Object.hasOwn(SHAPE_OVERRIDES, t.shape))
      throw broken(`tag ${JSON.stringify(t.name)} has no shape ${t.shape}`);
    if (t.behaviour !== undefined && !BEHAVIOURS.includes(t.behaviour))
      throw broken(`tag ${JSON.stringify(t.name)} has an unknown behaviour ${t.behaviour}`);
  }
  return entries;
}

/** The hashtags of the demo world, in the table's order (their ids are drawn in this order). */
export const TAG_ENTRIES: readonly TagEntry[] = loadTags();
/** Uppercase ISO code → country name, as /region-list/ answers. */
export const REGIONS: Readonly<Record<string, string>> = worldJson.regions;
export const CREATORS: readonly CreatorEntry[] = worldJson.creators;
export const DEMO_TAGS: readonly string[] = worldJson.demo.tags;
export const DEMO_REGIONS: readonly string[] = worldJson.demo.regions;
/** Ordinary authors' handles are made of one part of each list. */
export const AUTHOR_NAMES: { readonly first: readonly string[]; readonly second: readonly string[] } =
  worldJson.authorNames;
export const THEMES: readonly string[] = worldJson.themes;
