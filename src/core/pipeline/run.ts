// The fetch-and-score pipeline: one info call per hashtag, a paged sample per hashtag and region, then
// scoring per region. Shared by the CLI, the Electron main process and the tests; knows no UI.
import type {
  Challenge,
  ErrorInfo,
  FailedTag,
  Post,
  RegionCode,
  RegionResult,
  RunProgress,
  RunResult,
  ScoringSettings,
} from '../../shared/model';
import type { TikLiveApi } from '../api/types';
import { TagfitError, toErrorInfo } from '../errors';
import { type RegionEntry, scoreRegion } from '../engine/score';
import { ADAPTIVE_TOP_K, decideSampling } from '../engine/adaptive';
import { withConfidence } from '../engine/confidence';
import { clampFutureTimes, followPages, PageCursor } from './paging';

export interface RunInput {
  api: TikLiveApi;
  /** Normalised candidate hashtags, unique, in input order. */
  candidates: readonly string[];
  /** Target creators' unique ids (as listed for seed, which compares them exactly; lowercased otherwise). */
  targets: ReadonlySet<string>;
  regions: readonly RegionCode[];
  settings: ScoringSettings;
  /** The run's clock. */
  now: Date;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onWarning?: (message: string) => void;
  /** Filled as pairs complete, when given: the caller can rank what is in hand while the run goes on. */
  samples?: RunSamples;
}

/** What a run fetched: enough to re-score without the network. */
export interface RunSamples {
  challenges: Map<string, Challenge | null>;
  /** key: `${region}\u0000${candidate}` */
  samples: Map<string, Post[]>;
  /** Pairs sampled with fewer pages than asked for by Tagfit's own choice (adaptive sampling, a stopped run), and
   * why, by the same key: their flags and labels say so instead of calling the tag small or limited. */
  stoppedEarly?: Map<string, string>;
}

type StopCode = NonNullable<RunResult['stopped']>['code'];
// Errors after which no further call can succeed: the run stops and keeps what it has.
const STOPPING: ReadonlySet<string> = new Set(['cancelled', 'budget', 'auth']);

export const sampleKey = (region: RegionCode, candidate: string): string => `${region}\u0000${candidate}`;

/** Up to `pages` pages of a hashtag's posts in one region, following the cursor. */
function fetchSample(
  api: TikLiveApi,
  challenge: Challenge,
  region: RegionCode,
  settings: ScoringSettings,
  signal: AbortSignal | undefined,
  warn: (m: string) => void,
): Promise<Post[]> {
  return followPages(
    (cursor) =>
      api.challengePosts(
        { challengeId: challenge.id, count: settings.pageSize, cursor, region, hashtag: challenge.name },
        { signal },
      ),
    (_posts, pages) => pages < settings.pages,
    `#${challenge.name} in ${region}`,
    warn,
  );
}

/** Run the whole pipeline. Never throws for a single hashtag: failures land in `failed`, a stop in `stopped`. */
export async function runPipeline(input: RunInput): Promise<{ result: RunResult; data: RunSamples }> {
  const { api, candidates, regions, settings } = input;
  const nowSec = Math.floor(input.now.getTime() / 1000);
  const total = candidates.length * regions.length;
  const emit = input.onProgress ?? (() => {});
  const warn = input.onWarning ?? (() => {});
  const failed: FailedTag[] = [];
  const data: RunSamples = input.samples ?? { challenges: new Map(), samples: new Map() };
  const done = new Set<string>();
  /** Adaptive sampling: pairs that stopped before `pages` pages, and why. */
  const stoppedEarly = new Map<string, string>();
  data.stoppedEarly = stoppedEarly;
  let stop: { code: StopCode; message: string } | undefined;
  /** Adaptive sampling: pairs a stop left with fewer pages than their ranking needed (kept, and marked). */
  let cutShort = 0;

  // One controller for the run: the caller's signal, or our own stop on auth/budget errors.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) controller.abort();
  const signal = controller.signal;

  const credits = (): number => api.credits().used;
  const progress = (): { done: number; total: number; credits: number } => ({
    done: done.size,
    total,
    credits: credits(),
  });

  const stopRun = (code: StopCode, message: string): void => {
    if (stop) return;
    stop = { code, message };
    // A budget stop lets the calls in flight finish: they fit in the budget and are paid for, so their answers
    // are kept (and cached); only new calls are refused. A refused key or a cancel ends everything at once.
    if (code !== 'budget') controller.abort();
  };
  const stopped = (): boolean => signal.aborted || stop !== undefined;

  const handleError = (e: unknown, tag: string, region: RegionCode | null): void => {
    if (input.signal?.aborted) return stopRun('cancelled', 'Run cancelled; what was fetched is kept.');
    const info: ErrorInfo = toErrorInfo(e);
    if (STOPPING.has(info.code)) return stopRun(info.code as StopCode, info.message);
    // Our own stop (a refused key) aborted this call: the pair stays unscored, not failed.
    if (signal.aborted) return;
    for (const r of region ? [region] : regions) {
      failed.push({ tag, region: r, error: info.message, code: info.code });
      done.add(sampleKey(r, tag));
    }
    emit({ type: 'failed', tag, region, error: info, ...progress() });
  };

  emit({ type: 'queued', total });

  /** Challenge info for a candidate, once for every region; null when TikLiveAPI does not know it. */
  const info = async (candidate: string): Promise<Challenge | null | undefined> => {
    try {
      if (stopped()) return undefined;
      emit({ type: 'fetching', tag: candidate, region: null, ...progress() });
      const challenge = await api.challengeInfo(candidate, { signal });
      data.challenges.set(candidate, challenge);
      return challenge;
    } catch (e) {
      if (e instanceof TagfitError && e.code === 'not-found') {
        data.challenges.set(candidate, null);
        return null;
      }
      handleError(e, candidate, null);
      return undefined;
    }
  };
  const needsSample = (c: Challenge | null | undefined): c is Challenge =>
    c !== null && c !== undefined && (!c.isCommerce || settings.keepCommercial);
  /** A pair that needs no sample (not found, an excluded commercial tag) is done at once. */
  const noSample = (candidate: string, region: RegionCode): void => {
    done.add(sampleKey(region, candidate));
    emit({ type: 'scored', tag: candidate, region, ...progress() });
  };
  if (settings.sampling === 'adaptive') await adaptive();
  else await full();

  async function full(): Promise<void> {
    await Promise.all(
      candidates.map(async (candidate) => {
        const challenge = await info(candidate);
        if (challenge === undefined) return;
        await Promise.all(
          regions.map(async (region) => {
            if (!needsSample(challenge)) return noSample(candidate, region);
            try {
              if (stopped()) return;
              emit({ type: 'fetching', tag: challenge.name, region, ...progress() });
              const posts = clampFutureTimes(
                await fetchSample(api, challenge, region, settings, signal, warn),
                nowSec,
                `#${challenge.name} in ${region}`,
                warn,
              );
              const key = sampleKey(region, candidate);
              data.samples.set(key, posts);
              done.add(key);
              emit({ type: 'scored', tag: challenge.name, region, ...progress() });
            } catch (e) {
              handleError(e, challenge.name, region);
            }
          }),
        );
      }),
    );
  }

  async function adaptive(): Promise<void> {
    // Page 1 of every pair, then rounds: another page only where the ranking is undecided (engine/adaptive.ts).
    type Pair = { candidate: string; challenge: Challenge; region: RegionCode; page: PageCursor };
    const pairs = new Map<string, Pair>();
    /** Pairs the decision stopped while the API had more: reopened if the final ranking proves it wrong. */
    const decided = new Map<string, Pair>();
    const fetchPage = async (key: string): Promise<void> => {
      const pair = pairs.get(key)!;
      const { challenge, region, page } = pair;
      try {
        if (stopped()) return;
        emit({ type: 'fetching', tag: challenge.name, region, ...progress() });
        page.take(
          await api.challengePosts(
            {
              challengeId: challenge.id,
              count: settings.pageSize,
              cursor: page.cursor,
              region,
              hashtag: challenge.name,
            },
            { signal },
          ),
        );
        if (page.pages >= settings.pages) page.more = false;
        // What is in hand can be ranked now (the app shows it as it arrives); the pair is final when settled.
        data.samples.set(key, page.posts);
        emit({ type: 'sampled', tag: challenge.name, region, pages: page.pages, ...progress() });
      } catch (e) {
        const failedBefore = failed.length;
        handleError(e, challenge.name, region);
        // A run that stops keeps the pages in hand (settled below); a pair that failed on its own has no sample.
        if (failed.length === failedBefore && stopped() && page.pages > 0) return;
        pairs.delete(key);
        data.samples.delete(key);
      }
    };
    const settle = (key: string, reason?: string): void => {
      const pair = pairs.get(key);
      if (!pair) return;
      pairs.delete(key);
      data.samples.set(
        key,
        clampFutureTimes(pair.page.posts, nowSec, `#${pair.challenge.name} in ${pair.region}`, warn),
      );
      if (reason) stoppedEarly.set(key, reason);
      done.add(key);
      emit({ type: 'scored', tag: pair.challenge.name, region: pair.region, ...progress() });
    };
    await Promise.all(
      candidates.map(async (candidate) => {
        const challenge = await info(candidate);
        if (challenge === undefined) return;
        for (const region of regions) {
          if (!needsSample(challenge)) {
            noSample(candidate, region);
            continue;
          }
          const key = sampleKey(region, candidate);
          pairs.set(key, {
            candidate,
            challenge,
            region,
            page: new PageCursor(`#${challenge.name} in ${region}`, warn),
          });
        }
        await Promise.all(
          regions.map((region) =>
            pairs.has(sampleKey(region, candidate)) ? fetchPage(sampleKey(region, candidate)) : undefined,
          ),
        );
      }),
    );
    /** A region's candidates with the posts in hand, open or settled. */
    const entriesOf = (region: RegionCode) =>
      candidates
        .filter((c) => data.challenges.has(c))
        .map((c) => ({
          candidate: c,
          challenge: data.challenges.get(c) ?? null,
          posts: pairs.get(sampleKey(region, c))?.page.posts ?? data.samples.get(sampleKey(region, c)) ?? [],
        }));
    for (let round = 2; round <= settings.pages && pairs.size > 0 && !stopped(); round++) {
      const next: string[] = [];
      for (const region of regions) {
        const entries = entriesOf(region);
        const open = new Set(candidates.filter((c) => pairs.get(sampleKey(region, c))?.page.more === true));
        // Nothing left to fetch in this region: no bootstrap to run.
        if (open.size === 0) continue;
        const decision = decideSampling(entries, open, input.targets, settings, nowSec, region, {
          pagesInHand: round - 1,
        });
        for (const c of open) {
          const key = sampleKey(region, c);
          if (decision.fetch.has(c)) next.push(key);
          else {
            decided.set(key, pairs.get(key)!);
            settle(
              key,
              `${decision.stop.get(c) ?? 'the ranking was decided'}; sampled ${pairs.get(key)!.page.pages} of ${settings.pages} pages`,
            );
          }
        }
      }
      // Pairs the API has no more pages for are final as they are.
      for (const [key, pair] of [...pairs]) if (!pair.page.more) settle(key);
      if (next.length === 0) break;
      await Promise.all(next.map((key) => fetchPage(key)));
    }
    // The others' later pages can move a tag the decision stopped: one that ends in the top k after all is
    // sampled in full, so the top k never rests on a short sample, and its reason never says "clearly outside".
    while (decided.size > 0 && !stopped()) {
      for (const [key, pair] of [...pairs]) if (!pair.page.more) settle(key);
      const reopen: string[] = [];
      for (const region of regions) {
        const ranked = scoreRegion(entriesOf(region), input.targets, settings, nowSec, region).ranked;
        for (const t of ranked.slice(0, ADAPTIVE_TOP_K)) {
          const key = sampleKey(region, t.candidate);
          const pair = decided.get(key);
          if (!pair) continue;
          decided.delete(key);
          stoppedEarly.delete(key);
          pairs.set(key, pair);
          reopen.push(key);
        }
      }
      if (reopen.length === 0) break;
      await Promise.all(
        reopen.map(async (key) => {
          while (pairs.get(key)?.page.more && !stopped()) await fetchPage(key);
        }),
      );
    }
    for (const [key, pair] of [...pairs]) {
      if (!stopped()) settle(key);
      else if (pair.page.pages > 0) {
        cutShort += 1;
        settle(key, `the run stopped with ${pair.page.pages} of ${settings.pages} pages sampled`);
      } else {
        pairs.delete(key);
        data.samples.delete(key);
      }
    }
  }
  input.signal?.removeEventListener('abort', onAbort);

  const result = scoreRun(candidates, input.targets, regions, settings, nowSec, data);
  for (const r of Object.values(result)) {
    for (const t of r.ranked) {
      const why = stoppedEarly.get(sampleKey(r.region, t.candidate));
      if (why) t.stoppedEarly = why;
    }
  }
  const unscored: { tag: string; region: RegionCode }[] = [];
  for (const region of regions) {
    for (const c of candidates) if (!done.has(sampleKey(region, c))) unscored.push({ tag: c, region });
  }
  // Cancelled before any call could fail with it (at once, or between two calls): pairs are left, so the run
  // stopped; it must not pass for a finished one with fewer tags.
  if (input.signal?.aborted && (unscored.length > 0 || cutShort > 0))
    stopRun('cancelled', 'Run cancelled; what was fetched is kept.');
  const finalStop = stop as { code: StopCode; message: string } | undefined;
  const runResult: RunResult = {
    now: input.now.toISOString(),
    preset: settings.preset,
    settings,
    regions: result,
    credits: {
      ...api.credits(),
      saved: {
        byCache: api.credits().fromCache,
        byInfoOnce: data.challenges.size * Math.max(0, regions.length - 1),
      },
    },
    failed,
    ...(finalStop ? { stopped: { ...finalStop, unscored } } : {}),
  };
  emit({ type: 'done', credits: credits(), failed: failed.length, stopped: Boolean(finalStop) });
  return { result: runResult, data };
}

/**
 * Score every region from fetched data; pairs without a sample (failed, unscored) are left out. Each ranked tag
 * gets its confidence (engine/confidence.ts) unless `opts.confidence` is false (results still coming in).
 */
export function scoreRun(
  candidates: readonly string[],
  targets: ReadonlySet<string>,
  regions: readonly RegionCode[],
  settings: ScoringSettings,
  nowSec: number,
  data: RunSamples,
  opts: { confidence?: boolean } = {},
): Record<RegionCode, RegionResult> {
  const out: Record<RegionCode, RegionResult> = {};
  for (const region of regions) {
    const entries: RegionEntry[] = [];
    for (const candidate of candidates) {
      if (!data.challenges.has(candidate)) continue;
      const challenge = data.challenges.get(candidate) ?? null;
      const posts = data.samples.get(sampleKey(region, candidate));
      const excludedAnyway = challenge === null || (challenge.isCommerce && !settings.keepCommercial);
      if (!excludedAnyway && posts === undefined) continue;
      const stoppedEarly = data.stoppedEarly?.get(sampleKey(region, candidate));
      entries.push({ candidate, challenge, posts: posts ?? [], ...(stoppedEarly ? { stoppedEarly } : {}) });
    }
    const scored = scoreRegion(entries, targets, settings, nowSec, region);
    out[region] =
      opts.confidence === false ? scored : withConfidence(entries, scored, targets, settings, nowSec);
  }
  return out;
}
