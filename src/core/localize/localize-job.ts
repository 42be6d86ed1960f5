// The localise job, for the CLI and the app alike: the variants of the run's candidates per region from the samples
// in hand (0 credits), the workspace's declared ones (variants.csv) beside them, and the scores sampled last.
import path from 'node:path';
import type { RegionCode } from '../../shared/model';
import type { EquivalentEvidence } from '../../shared/localize';
import { hashtagKey } from '../../shared/hashtag';
import { TagfitError } from '../errors';
import { readVariantList } from '../input/variant-list';
import type { SampledRun } from '../job/discover-job';
import { sampleKey } from '../pipeline/run';
import { indexSamples, type LocalizeSamples, testEquivalents } from './find';
import { loadSampledEquivalents } from './store';

export const VARIANTS_FILE = 'variants.csv';

export interface LocalizeRequest {
  run: SampledRun;
  candidates: readonly string[];
  regions: readonly RegionCode[];
  /** The workspace folder (its variants.csv) and data folder (the scores sampled last). */
  workspaceDir?: string;
  dataDir?: string;
  /** Only these candidates and regions (each must be one of the run's). */
  tags?: readonly string[];
  only?: readonly RegionCode[];
  warn?: (m: string) => void;
}

export interface LocalizeReport {
  equivalents: EquivalentEvidence[];
  /** The (candidate, region, tag) pairs tested, and the false discovery rate controlled across them. */
  tested: number;
  fdr: number;
}

function checkScope(req: LocalizeRequest): void {
  const cands = new Set(req.candidates.map(hashtagKey));
  const unknown = (req.tags ?? []).filter((t) => !cands.has(hashtagKey(t)));
  if (unknown.length > 0)
    throw new TagfitError(
      'input',
      `--tags: ${unknown.map((t) => `#${t}`).join(', ')} ${unknown.length === 1 ? 'is not a candidate' : 'are not candidates'} of this workspace (its tags list has ${req.candidates.length}).`,
    );
  const regions = new Set(req.regions);
  const missing = (req.only ?? []).filter((r) => !regions.has(r));
  if (missing.length > 0)
    throw new TagfitError(
      'input',
      `--regions: ${missing.join(', ')} ${missing.length === 1 ? 'is not a region' : 'are not regions'} of this workspace (${req.regions.join(', ')}).`,
    );
}

export async function localizeFromSamples(req: LocalizeRequest): Promise<LocalizeReport> {
  checkScope(req);
  const answered = new Map<string, Set<string>>();
  for (const r of Object.values(req.run.result.regions))
    for (const t of r.ranked) answered.set(t.candidate, (answered.get(t.candidate) ?? new Set()).add(t.tag));
  const samples: LocalizeSamples = {
    candidates: req.candidates,
    regions: req.regions,
    sampleOf: (region, c) => req.run.data.samples.get(sampleKey(region, c)) ?? [],
    namesOf: (c) => [...(answered.get(c) ?? [])],
  };
  const tags = req.tags?.map(hashtagKey);
  const inScope = (tag: string, region: RegionCode): boolean =>
    (!tags || tags.includes(hashtagKey(tag))) && (!req.only || req.only.includes(region));
  const { named, tested, fdr } = testEquivalents(samples, { tags, only: req.only });
  const byKey = new Map(named.map((e) => [`${e.tag}|${e.region}|${e.equivalent}`, e]));
  if (req.workspaceDir) {
    const file = path.join(req.workspaceDir, VARIANTS_FILE);
    const declared = await readVariantList(file);
    if (declared.errors.length > 0)
      throw new TagfitError(
        'input',
        `invalid declared variants (fix them; the other lists are fine):\n  ${declared.errors.map((e) => `${e.file}:${e.line}: ${e.column}: ${e.reason}`).join('\n  ')}`,
        { file },
      );
    const index = indexSamples(samples);
    for (const d of declared.values) {
      if (!inScope(d.tag, d.region)) continue;
      const key = `${d.tag}|${d.region}|${d.variant}`;
      const figures = byKey.get(key) ?? { ...index.figures(d.tag, d.region, d.variant), tested, fdr };
      byKey.set(key, { ...figures, source: 'declared' });
    }
  }
  const sampled = await loadSampledEquivalents(req.dataDir, req.warn);
  const scores = new Map(sampled.map((e) => [`${e.tag}|${e.region}|${e.equivalent}`, e]));
  const equivalents = [...byKey.entries()].map(([key, e]) => {
    const s = scores.get(key);
    return s ? { ...e, score: s.score, tagScore: s.tagScore } : e;
  });
  equivalents.sort(
    (a, b) =>
      a.tag.localeCompare(b.tag) ||
      a.region.localeCompare(b.region) ||
      (a.p ?? 1) - (b.p ?? 1) ||
      a.equivalent.localeCompare(b.equivalent),
  );
  return { equivalents, tested, fdr };
}
