// The measured parts, each run alone in a child process so its wall time and peak RSS are its own.
import { mkdirSync } from 'node:fs';
import type { Credits, PresetName, RegionCode, RunResult } from '../../src/shared/model';
import { PRESET_NAMES, resolveSettings } from '../../src/core/engine/presets';
import { runScoreJob } from '../../src/core/job/score-job';
import { scoreRun } from '../../src/core/pipeline/run';
import { Secret } from '../../src/core/secrets/secret';
import { createFileCache } from '../../src/core/workspace/cache';
import { createReferencePipeline } from '../../test/support/reference-pipeline';
import { BENCH_KEY, CONCURRENCY, NOW, REGIONS, TARGETS, benchCandidates } from './scenario';
import { buildSyntheticRun } from './synthetic';

export type Rankings = Record<RegionCode, { tag: string; score: number }[]>;

interface Measured {
  wallMs: number;
  /** Peak resident set size of the child process, in KiB. */
  maxRssKb: number;
}

export interface ReferenceOutput extends Measured {
  rankings: Rankings;
  calls: number;
  rateLimited: number;
}

export interface TagfitOutput extends Measured {
  rankings: Rankings;
  credits: Credits;
  failed: number;
}

export interface WarmOutput extends Measured {
  /** scoreRun alone on the samples the job read back: the part of wallMs that is not the cache. */
  scoreMs: number;
  /** The same re-score once more with other weights in the same (now warm) process, as the app re-scores. */
  againMs: number;
  ranked: number;
  failed: number;
  fromCache: number;
  weights: string;
}

export interface RescoreOutput extends Measured {
  tags: number;
  posts: number;
  byPreset: { preset: PresetName; ms: number }[];
}

export interface PartOptions {
  api: string;
  tags: number;
  rpm: number;
  cacheDir: string;
}

/** The paid preset's weights on the seed measurement: new weights, the same answers, so all from the cache. */
const WARM_WEIGHTS = { velocity: 0.2, density: 0.3, overlap: 0.5 };
const AGAIN_WEIGHTS = { velocity: 0.5, density: 0.25, overlap: 0.25 };
export const RESCORE_POSTS = 90;

const nowSec = Math.floor(NOW.getTime() / 1000);
const candidateNames = (count: number): string[] => benchCandidates(count).map((t) => t.name);

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; wallMs: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, wallMs: performance.now() - started };
}

const maxRssKb = (): number => process.resourceUsage().maxRSS;

function rankingsOf(result: RunResult): Rankings {
  const out: Rankings = {};
  for (const [region, r] of Object.entries(result.regions))
    out[region] = r.ranked.map((t) => ({ tag: t.tag, score: t.score }));
  return out;
}

async function reference(o: PartOptions): Promise<ReferenceOutput> {
  const ref = createReferencePipeline({ baseUrl: o.api, key: BENCH_KEY, nowSec });
  const { value, wallMs } = await timed(() =>
    ref.run(candidateNames(o.tags), new Set(TARGETS), [...REGIONS]),
  );
  const rankings: Rankings = {};
  for (const [region, rows] of Object.entries(value))
    rankings[region] = rows.map((r) => ({ tag: r.cha_name, score: r.score }));
  return {
    wallMs,
    maxRssKb: maxRssKb(),
    rankings,
    calls: ref.stats.calls,
    rateLimited: ref.stats.rateLimited,
  };
}

/** Tagfit as the CLI runs it: runScoreJob, paced at the plan, with a file cache (what a workspace holds). */
function tagfitJob(o: PartOptions, offline: boolean, weights?: typeof WARM_WEIGHTS) {
  mkdirSync(o.cacheDir, { recursive: true });
  return runScoreJob({
    candidates: candidateNames(o.tags),
    targets: TARGETS,
    regions: REGIONS,
    settings: resolveSettings('seed', weights ? { weights } : undefined),
    now: NOW,
    demo: false,
    apiBase: o.api,
    key: new Secret(BENCH_KEY),
    requestsPerMinute: o.rpm,
    concurrency: CONCURRENCY,
    cache: createFileCache(o.cacheDir, { syncReads: true }),
    offline,
  });
}

async function tagfit(o: PartOptions): Promise<TagfitOutput> {
  const { value, wallMs } = await timed(() => tagfitJob(o, false));
  const { result } = value;
  return {
    wallMs,
    maxRssKb: maxRssKb(),
    rankings: rankingsOf(result),
    credits: result.credits,
    failed: result.failed.length,
  };
}

async function warm(o: PartOptions): Promise<WarmOutput> {
  const { value, wallMs } = await timed(() => tagfitJob(o, true, WARM_WEIGHTS));
  const { result, data } = value;
  const names = candidateNames(o.tags);
  const score = await timed(() => scoreRun(names, new Set(TARGETS), REGIONS, result.settings, nowSec, data));
  const again = await timed(() => tagfitJob(o, true, AGAIN_WEIGHTS));
  return {
    wallMs,
    scoreMs: score.wallMs,
    againMs: again.wallMs,
    maxRssKb: maxRssKb(),
    ranked: Object.values(result.regions).reduce((n, r) => n + r.ranked.length, 0),
    failed: result.failed.length,
    fromCache: result.credits.fromCache,
    weights: Object.entries(WARM_WEIGHTS)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  };
}

/** Scores synthetic samples with each preset; the generation is not timed, only scoreRun. */
async function rescore(o: PartOptions): Promise<RescoreOutput> {
  const run = buildSyntheticRun(o.tags, REGIONS, RESCORE_POSTS, TARGETS, nowSec);
  const targets = new Set(TARGETS);
  const byPreset: RescoreOutput['byPreset'] = [];
  let total = 0;
  for (const preset of PRESET_NAMES) {
    const settings = resolveSettings(preset);
    const { wallMs } = await timed(() =>
      scoreRun(run.candidates, targets, REGIONS, settings, nowSec, run.data, { confidence: false }),
    );
    byPreset.push({ preset, ms: wallMs });
    total += wallMs;
  }
  return { wallMs: total, maxRssKb: maxRssKb(), tags: o.tags, posts: run.posts, byPreset };
}

export const PARTS = { reference, tagfit, warm, rescore } as const;
export type PartName = keyof typeof PARTS;
export type PartOutput<N extends PartName> = Awaited<ReturnType<(typeof PARTS)[N]>>;
