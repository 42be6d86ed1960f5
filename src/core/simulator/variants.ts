// The simulator's switch that plants local-language variants (testing `tagfit localize`): a candidate's posts in one
// region carry its variant on a share of posts and none elsewhere; decoys ride along alike in every region. Off by
// default: the demo world's answers are unchanged unless a dataset is built with withPlantedVariants.
import type { RegionCode } from '../../shared/model';
import { digits, rngFor, type Rng } from '../prng';
import variantsJson from './data/variants.json' with { type: 'json' };
import { lookupKey } from './dataset';
import type { Dataset, DatasetTag } from './dataset-types';
import { shapeDefaults } from './world-data';

export interface PlantedVariant {
  tag: string;
  region: RegionCode;
  variant: string;
  /** The share of the tag's posts in the region that carry the variant. */
  share: number;
}

export interface PlantedDecoy {
  tag: string;
  decoy: string;
  /** The share of the tag's posts in every region that carry the decoy. */
  share: number;
}

export interface VariantPlan {
  planted: PlantedVariant[];
  decoys: PlantedDecoy[];
}

/** Eight planted variants over six candidates and four regions, with six decoys (data/variants.json). */
export const DEMO_VARIANT_PLAN: VariantPlan = {
  planted: variantsJson.planted,
  decoys: variantsJson.decoys,
};

/**
 * The dataset with the plan switched on: each variant is a hashtag with posts in its region (so `--sample` can
 * fetch it), added when the world has none of that name; planted and decoy names never ride along by chance.
 */
export function withPlantedVariants(dataset: Dataset, plan: VariantPlan = DEMO_VARIANT_PLAN): Dataset {
  const tags = [...dataset.tags];
  const known = new Set(tags.map((t) => lookupKey(t.name)));
  for (const p of plan.planted) {
    if (known.has(lookupKey(p.variant))) continue;
    known.add(lookupKey(p.variant));
    const of = tags.find((t) => lookupKey(t.name) === lookupKey(p.tag));
    const tag: DatasetTag = {
      ...shapeDefaults('regional'),
      // A fixed id per name, drawn from its own stream: the world's other ids are unchanged.
      id: digits(rngFor('planted-variant', p.variant), '9', 17),
      name: p.variant,
      shape: 'regional',
      desc: `Local variant of #${p.tag} in ${p.region}`,
      regions: { [p.region]: 1 },
      themes: of?.themes ?? [],
      creatorShare: 0.05,
    };
    tags.push(tag);
  }
  return { ...dataset, tags, variants: plan };
}

/** The names a plan plants: kept out of the chance ride-alongs, so "none elsewhere" holds. */
export const plantedNames = (plan: VariantPlan | undefined): Set<string> =>
  new Set([...(plan?.planted.map((p) => p.variant) ?? []), ...(plan?.decoys.map((d) => d.decoy) ?? [])]);

/** The variant and decoy tags one post of `tag` in `region` carries, drawn from the caller's own stream. */
export function plantedTags(
  plan: VariantPlan | undefined,
  tag: string,
  region: RegionCode | undefined,
  rng: Rng | undefined,
): string[] {
  if (!plan || !rng) return [];
  const out: string[] = [];
  for (const p of plan.planted)
    if (p.tag === tag && p.region === region && rng() < p.share) out.push(p.variant);
  for (const d of plan.decoys) if (d.tag === tag && rng() < d.share) out.push(d.decoy);
  return out;
}
