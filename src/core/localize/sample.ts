// `--sample`: each variant fetched in its region as a candidate is (info once, its pages there; the cache first), and
// scored together with that region's candidates, so the variant's score and the candidate's are on one scale.
import type { Credits, ErrorInfo, RegionCode } from '../../shared/model';
import { NO_CREDITS } from '../../shared/model';
import type { EquivalentEvidence } from '../../shared/localize';
import { hashtagKey } from '../../shared/hashtag';
import { toErrorInfo } from '../errors';
import type { SampledRun } from '../job/discover-job';
import { openJobApi } from '../job/job-session';
import { estimateScoreRun, type PreparedScoreRun } from '../job/prepare-score';
import { runPipeline, type RunSamples, sampleKey, scoreRun } from '../pipeline/run';

type Inputs = PreparedScoreRun;

/** The variants to fetch per region: those not sampled there already (a variant that is a candidate is). */
function toFetch(equivalents: readonly EquivalentEvidence[], run: SampledRun): Map<RegionCode, string[]> {
  const out = new Map<RegionCode, string[]>();
  for (const e of equivalents) {
    if (run.data.samples.has(sampleKey(e.region, e.equivalent))) continue;
    const list = out.get(e.region) ?? [];
    if (!list.includes(e.equivalent)) list.push(e.equivalent);
    out.set(e.region, list);
  }
  return out;
}

/** Variants are sampled in full: a lone variant must not stop after page 1 because nothing competes with it. */
const fullSampling = (p: Inputs): Inputs['settings'] => ({ ...p.settings, sampling: 'full' });

export interface VariantEstimate {
  /** Credits to spend: at least `min`, at most `max`; `expected` is what the run is expected to spend. */
  min: number;
  max: number;
  expected: number;
  /** Answers the cache will give. */
  fromCache: number;
  /** (variant, region) pairs to fetch. */
  pairs: number;
}

/** What sampling the variants will cost, from what the cache holds: said before any credit is spent. */
export async function estimateVariantSampling(
  prepared: Inputs,
  run: SampledRun,
  equivalents: readonly EquivalentEvidence[],
): Promise<VariantEstimate> {
  const byVariant = new Map<string, RegionCode[]>();
  for (const [region, variants] of toFetch(equivalents, run))
    for (const v of variants) byVariant.set(v, [...(byVariant.get(v) ?? []), region]);
  const est: VariantEstimate = { min: 0, max: 0, expected: 0, fromCache: 0, pairs: 0 };
  if (byVariant.size === 0) return est;
  // estimateScoreRun counts the region list each time; the variants' fetch never asks for it.
  const base: PreparedScoreRun = { ...prepared, regions: [], settings: fullSampling(prepared) };
  const regionList = await estimateScoreRun({ ...base, candidates: [] });
  for (const [variant, regions] of byVariant) {
    const e = await estimateScoreRun({ ...base, candidates: [variant], regions });
    est.min += e.network.min - regionList.network.min;
    est.max += e.network.max - regionList.network.max;
    est.expected += e.expected - regionList.expected;
    est.fromCache += e.fromCache - regionList.fromCache;
    est.pairs += regions.length;
  }
  return est;
}

export interface SampledEquivalents {
  equivalents: EquivalentEvidence[];
  credits: Credits;
  /** Why the sampling stopped before every variant was fetched (the budget, a cancel, a refused key). */
  stopped?: ErrorInfo;
}

/**
 * Fetches each variant in its region (the session's cache, budget and pacing hold) and scores it with that region's
 * candidates from the samples in hand: `score` is the variant's, `tagScore` the candidate's, in that one scoring.
 */
export async function sampleEquivalents(
  prepared: Inputs,
  run: SampledRun,
  equivalents: readonly EquivalentEvidence[],
  opts: { signal?: AbortSignal; onWarning?: (m: string) => void } = {},
): Promise<SampledEquivalents> {
  const fetch = toFetch(equivalents, run);
  // The run's marks (pairs sampled less by adaptive sampling) come along: the candidates score as in the run.
  const data: RunSamples = {
    ...run.data,
    challenges: new Map(run.data.challenges),
    samples: new Map(run.data.samples),
  };
  const notes = new Map<string, string>();
  let credits = NO_CREDITS;
  let stopped: ErrorInfo | undefined;
  const settings = prepared.settings;
  const targets = new Set(
    settings.preset === 'seed' ? prepared.targets : prepared.targets.map((t) => t.toLowerCase()),
  );
  if (fetch.size > 0) {
    const { api, close } = await openJobApi(prepared.session, { ...opts, job: 'localize' });
    try {
      for (const [region, variants] of fetch) {
        if (stopped) {
          for (const v of variants) notes.set(sampleKey(region, v), `not fetched: ${stopped.message}`);
          continue;
        }
        try {
          const got = await runPipeline({
            api,
            candidates: variants,
            targets,
            regions: [region],
            settings: fullSampling(prepared),
            now: prepared.session.now,
            signal: opts.signal,
            onWarning: opts.onWarning,
          });
          for (const [k, v] of got.data.challenges) data.challenges.set(k, v);
          for (const [k, v] of got.data.samples) data.samples.set(k, v);
          for (const f of got.result.failed) notes.set(sampleKey(region, f.tag), `not fetched: ${f.error}`);
          if (got.result.stopped)
            stopped = { code: got.result.stopped.code, message: got.result.stopped.message };
        } catch (e) {
          stopped = toErrorInfo(e);
          for (const v of variants) notes.set(sampleKey(region, v), `not fetched: ${stopped.message}`);
        }
      }
      credits = api.credits();
    } finally {
      await close();
    }
  }
  const nowSec = Math.floor(prepared.session.now.getTime() / 1000);
  const out: EquivalentEvidence[] = [];
  const byRegion = new Map<RegionCode, EquivalentEvidence[]>();
  for (const e of equivalents) byRegion.set(e.region, [...(byRegion.get(e.region) ?? []), e]);
  for (const [region, list] of byRegion) {
    const variants = [...new Set(list.map((e) => e.equivalent))].filter(
      (v) => !prepared.candidates.includes(v),
    );
    const scored = scoreRun(
      [...prepared.candidates, ...variants],
      targets,
      [region],
      settings,
      nowSec,
      data,
      {
        confidence: false,
      },
    )[region];
    const scoreOf = (name: string): number | null =>
      scored?.ranked.find((t) => hashtagKey(t.candidate) === hashtagKey(name))?.score ?? null;
    for (const e of list) {
      const score = scoreOf(e.equivalent);
      const excluded = scored?.excluded.find((x) => hashtagKey(x.tag) === hashtagKey(e.equivalent));
      const note =
        score !== null
          ? undefined
          : (notes.get(sampleKey(region, e.equivalent)) ??
            (excluded ? `not scored: ${excluded.reason}` : 'not scored in this region'));
      out.push({ ...e, score, tagScore: scoreOf(e.tag), ...(note ? { note } : {}) });
    }
  }
  return { equivalents: out, credits, ...(stopped ? { stopped } : {}) };
}
