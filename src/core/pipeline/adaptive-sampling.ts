// Adaptive sampling: pages only where they can still change the ranking, so a run spends fewer credits for the
// same top of the list.
import type { Challenge, RegionCode } from '../../shared/model';
import { anchorsThatMatter } from '../engine/adaptive-anchors';
import { correctionFor, learnPageOrderDrift } from '../engine/adaptive-correction';
import type { PartStats } from '../engine/adaptive-estimate';
import { type PartPriors, priorsAt } from '../engine/adaptive-pooling';
import {
  ADAPTIVE_TOP_K,
  ADAPTIVE_Z,
  decideSampling,
  firstPageScale,
  type RegionScale,
  tieBand,
} from '../engine/adaptive';
import { scoreRegion } from '../engine/score';
import { internTableOf, leanSample } from './lean-posts';
import { clampFutureTimes, PageCursor } from './paging';
import type { RunContext } from './run-context';
import { sampleKey } from './run-samples';

/**
 * Adaptive sampling: page 1 of every pair, then rounds in which another page is fetched only where the ranking is
 * still undecided (engine/adaptive.ts), a tag's other regions counted (engine/adaptive-pooling.ts); a tag stopped
 * early that ends on the other side after all is reopened a page at a time.
 */
export async function sampleAdaptive(ctx: RunContext): Promise<void> {
  const { api, candidates, regions, settings, signal, nowSec, data, done, stoppedEarly, failed, input } = ctx;
  const { emit, progress, warn, info, needsSample, noSample, stopped, handleError } = ctx;
  // Page 1 of every pair, then rounds: another page only where the ranking is undecided (engine/adaptive.ts).
  type Pair = { candidate: string; challenge: Challenge; region: RegionCode; page: PageCursor };
  const pairs = new Map<string, Pair>();
  /** Pairs the decision stopped while the API had more: reopened if the final ranking proves it wrong. */
  const decided = new Map<string, Pair>();
  /** Of those, the ones stopped as outside the top k, and as inside it. */
  const outside = new Set<string>();
  const inside = new Set<string>();
  /**
   * The clock the decisions are taken on: when the posts in hand were observed (the newest page's time: a cached
   * page's is when it was fetched, a page fetched now has the run's), not the run's own clock. Which posts count as
   * recent (and as old enough for their likes) moves with the clock, so a re-score an hour after a run, deciding on
   * its own clock, stopped elsewhere than the run and asked for pages no run fetched; on the data's clock the same
   * pages lead to the same decisions, whenever and in whatever order they are read.
   */
  let observedSec = Number.NEGATIVE_INFINITY;
  const decisionSec = (): number => (Number.isFinite(observedSec) ? observedSec : nowSec);
  const fetchPage = async (key: string): Promise<void> => {
    const pair = pairs.get(key)!;
    const { challenge, region, page } = pair;
    try {
      if (stopped()) return;
      emit({ type: 'fetching', tag: challenge.name, region, ...progress() });
      const answer = await api.challengePosts(
        {
          challengeId: challenge.id,
          count: settings.pageSize,
          cursor: page.cursor,
          region,
          hashtag: challenge.name,
        },
        { signal },
      );
      page.take(answer);
      observedSec = Math.max(
        observedSec,
        answer.fetchedAt === undefined ? nowSec : Math.floor(answer.fetchedAt / 1000),
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
    // Final: the pair is held lean from now on (lean-posts.ts).
    const posts = clampFutureTimes(
      pair.page.posts,
      nowSec,
      `#${pair.challenge.name} in ${pair.region}`,
      warn,
    );
    data.samples.set(key, leanSample(posts, internTableOf(data.samples)));
    if (reason) stoppedEarly.set(key, reason);
    done.add(key);
    emit({ type: 'scored', tag: pair.challenge.name, region: pair.region, ...progress() });
  };
  /** A region's candidates with the posts in hand, open or settled. */
  const entriesOf = (region: RegionCode) =>
    candidates
      .filter((c) => data.challenges.has(c))
      .map((c) => ({
        candidate: c,
        challenge: data.challenges.get(c) ?? null,
        posts: pairs.get(sampleKey(region, c))?.page.posts ?? data.samples.get(sampleKey(region, c)) ?? [],
        correction: data.corrections?.get(sampleKey(region, c)),
      }));

  /**
   * A stopped pair's score is estimated for its full sample: the page order's drift is learnt from every fully
   * sampled pair of the run (the order is the API's, not a region's) and each stopped pair gets its depth's. On the
   * decisions' clock while they are taken (reopenTopK), on the run's for the scores it shows.
   */
  const correctStopped = (atSec: number): void => {
    // Complete samples: settled with every page, or with all the API had (not stopped by the rule or the run).
    // In key order, not the order the answers came in: the same pairs give the same drift to the last digit
    // whatever the concurrency (a decode scores its tags exactly as a score run does).
    const full = [...data.samples]
      .filter(([key]) => done.has(key) && !decided.has(key) && !stoppedEarly.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, posts]) => posts);
    const drift = learnPageOrderDrift(full, input.targets, settings, atSec);
    const corrections = new Map<string, NonNullable<ReturnType<typeof correctionFor>>>();
    for (const [key, pair] of decided) {
      const c = correctionFor(drift, pair.page.posts, input.targets, settings, atSec);
      if (c) corrections.set(key, c);
    }
    data.corrections = corrections;
  };

  /** Page 1 of every pair that needs a sample. */
  async function firstPages(): Promise<void> {
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
  }

  /** Each region's normalisation, fixed after page 1, so a tag's interval depends on its own posts only. */
  const scales = new Map<RegionCode, RegionScale>();
  const scaleOf = (region: RegionCode): RegionScale => {
    let scale = scales.get(region);
    if (!scale) {
      scale = firstPageScale(entriesOf(region), input.targets, settings, decisionSec());
      scales.set(region, scale);
    }
    return scale;
  };

  /** Each pair's first pages' parts, computed once a clock (the tag-by-region table of engine/adaptive-pooling.ts). */
  const pageStats = new Map<number, Map<string, PartStats>>();
  const pageStatsAt = (sec: number): Map<string, PartStats> => {
    let memo = pageStats.get(sec);
    if (!memo) pageStats.set(sec, (memo = new Map()));
    return memo;
  };

  /** Rounds: another page only for the pairs whose place in the ranking is still undecided. */
  async function undecidedPages(): Promise<void> {
    while (pairs.size > 0 && !stopped()) {
      const next: string[] = [];
      const atSec = decisionSec();
      // A pair's prior is of its own depth (a reopened pair may have fewer pages than the others).
      const byDepth = new Map<number, Map<string, PartPriors>>();
      const priorsFor = (depth: number): Map<string, PartPriors> => {
        let p = byDepth.get(depth);
        if (!p)
          byDepth.set(
            depth,
            (p = priorsAt(
              new Map(regions.map((r) => [r, entriesOf(r)])),
              depth,
              input.targets,
              settings,
              atSec,
              pageStatsAt(atSec),
            )),
          );
        return p;
      };
      for (const region of regions) {
        const entries = entriesOf(region);
        const open = new Set(candidates.filter((c) => pairs.get(sampleKey(region, c))?.page.more === true));
        // Nothing left to fetch in this region: nothing to decide.
        if (open.size === 0) continue;
        const priors = new Map(
          [...open].map((c) => {
            const depth = pairs.get(sampleKey(region, c))!.page.pages;
            return [c, priorsFor(depth).get(region)?.get(c) ?? {}];
          }),
        );
        const decision = decideSampling(entries, open, input.targets, settings, atSec, {
          scale: scaleOf(region),
          priors,
        });
        for (const c of open) {
          const key = sampleKey(region, c);
          if (decision.fetch.has(c)) next.push(key);
          else {
            decided.set(key, pairs.get(key)!);
            if (decision.outside.has(c)) outside.add(key);
            else if (decision.inside.has(c)) inside.add(key);
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
  }

  // The others' later pages, and the correction the stopped pairs' scores get, can move a tag the decision stopped.
  // Reopened, given one more page and decided again like any open pair (until it is clearly placed or has every
  // page): one stopped as outside the top k that ends in it after all (so its reason never says "clearly outside"),
  // one stopped as inside that ends outside, one that ends #1, and one holding an end of the normalisation whose
  // short sample could change the top k or #1 (engine/adaptive-anchors.ts). Each reopening costs at least a page,
  // so the loop ends.
  async function reopenTopK(): Promise<void> {
    while (decided.size > 0 && !stopped()) {
      for (const [key, pair] of [...pairs]) if (!pair.page.more) settle(key);
      const atSec = decisionSec();
      correctStopped(atSec);
      const reopen = new Set<string>();
      for (const region of regions) {
        const entries = entriesOf(region);
        const ranked = scoreRegion(entries, input.targets, settings, atSec, region).ranked;
        for (const [i, t] of ranked.entries()) {
          const key = sampleKey(region, t.candidate);
          if (!decided.has(key)) continue;
          const inTop = i < ADAPTIVE_TOP_K;
          if (i === 0 || (inTop && outside.has(key)) || (!inTop && inside.has(key))) reopen.add(key);
        }
        const stoppedHere = new Set(candidates.filter((c) => decided.has(sampleKey(region, c))));
        for (const c of anchorsThatMatter(
          entries,
          stoppedHere,
          input.targets,
          settings,
          atSec,
          ADAPTIVE_TOP_K,
          ADAPTIVE_Z,
        ))
          reopen.add(sampleKey(region, c));
      }
      for (const key of reopen) {
        pairs.set(key, decided.get(key)!);
        decided.delete(key);
        outside.delete(key);
        inside.delete(key);
        stoppedEarly.delete(key);
        data.corrections?.delete(key);
      }
      if (reopen.size === 0) break;
      // One page each, then decided again like any open pair (a page at a time: the rule's rounds).
      await Promise.all([...reopen].map((key) => fetchPage(key)));
      await undecidedPages();
    }
  }

  /** What is left is final; a stop keeps the pages in hand and says the pair was cut short. */
  function settleRest(): void {
    for (const [key, pair] of [...pairs]) {
      if (!stopped()) settle(key);
      else if (pair.page.pages > 0) {
        ctx.state.cutShort.push({ tag: pair.candidate, region: pair.region });
        settle(key, `the run stopped with ${pair.page.pages} of ${settings.pages} pages sampled`);
      } else {
        pairs.delete(key);
        data.samples.delete(key);
      }
    }
  }

  await firstPages();
  await undecidedPages();
  await reopenTopK();
  settleRest();
  // The pairs a stop cut short keep their posts in hand; the decided ones show their full sample's estimate.
  if (decided.size > 0) correctStopped(nowSec);
  // Tags whose score still straddles the top-k boundary after their last page are said to be in a tie band.
  if (!stopped()) {
    data.tieBand = new Map();
    for (const region of regions) {
      const entries = entriesOf(region);
      const ranked = scoreRegion(entries, input.targets, settings, nowSec, region).ranked.map(
        (t) => t.candidate,
      );
      const band = tieBand(entries, input.targets, settings, nowSec, { scale: scaleOf(region), ranked });
      for (const [c, why] of band) data.tieBand.set(sampleKey(region, c), why);
    }
  }
}
