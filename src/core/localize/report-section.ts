// The report's list of local variants of a region's top tags, from the run's samples (0 credits): what a region's
// report shows after its tag set (the call is one line in report/document.ts).
import type { RegionCode, RunResult } from '../../shared/model';
import { type EquivalentEvidence, equivalentEvidence } from '../../shared/localize';
import { type RunSamples, sampleKey } from '../pipeline/run';
import type { Block } from '../report/document-model';
import { testEquivalents } from './find';

/** The top tags of a region whose variants its report lists. */
export const REPORT_TOP_TAGS = 10;

/** Every region's variants of its top tags, tested once across the whole run. */
export function reportVariants(
  result: Pick<RunResult, 'regions'>,
  samples: RunSamples,
): Map<RegionCode, EquivalentEvidence[]> {
  const regions = Object.keys(result.regions);
  const candidates = [...new Set(regions.flatMap((r) => result.regions[r]!.ranked.map((t) => t.candidate)))];
  const { named } = testEquivalents({
    candidates,
    regions,
    sampleOf: (region, c) => samples.samples.get(sampleKey(region, c)) ?? [],
  });
  const out = new Map<RegionCode, EquivalentEvidence[]>();
  for (const region of regions) {
    const top = new Set(result.regions[region]!.ranked.slice(0, REPORT_TOP_TAGS).map((t) => t.candidate));
    out.set(
      region,
      named.filter((e) => e.region === region && top.has(e.tag)),
    );
  }
  return out;
}

/** The section: nothing when no top tag has a variant here (a report without one is unchanged). */
export function variantBlocks(variants: readonly EquivalentEvidence[] | undefined): Block[] {
  if (!variants || variants.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Local variants of the top tags' },
    {
      kind: 'list',
      items: variants.map(
        (e) =>
          `#${e.equivalent} for #${e.tag}: ${equivalentEvidence(e)} (Localise, or tagfit localize --sample, scores it beside #${e.tag}).`,
      ),
    },
  ];
}
