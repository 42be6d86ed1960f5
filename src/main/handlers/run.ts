// Runs in the open workspace: the credit estimate, a run with an id (its progress events carry it, cancel takes
// it), a re-score from the last run's samples (no call, no file read), a retry of just the failed pairs.
import { performance } from 'node:perf_hooks';
import { TagfitError } from '../../core/errors';
import type { SettingsOverrides } from '../../core/engine/presets';
import { estimateScoreRun, prepareScoreRun, type PreparedScoreRun } from '../../core/job/prepare-score';
import { describeRunEnd, runEnd } from '../../core/job/run-end';
import { isPartialRun, runScoreJob, type ScoreJobOutcome } from '../../core/job/score-job';
import { type RunSamples, sampleKey, scoreRun } from '../../core/pipeline/run';
import { computeMomentum } from '../../core/engine/momentum';
import type { z } from 'zod';
import type { runOverridesSchema } from '../../shared/ipc/run';
import type { Credits, RunResult } from '../../shared/model';
import type { RunOutcome } from '../../shared/views';
import type { OpenWorkspace } from '../session';
import { type HandlerContext, requireWorkspace, requireWritable, runKey } from './context';
import type { DomainHandlers } from './types';

type Channels =
  | 'run:estimate'
  | 'run:start'
  | 'run:cancel'
  | 'run:rescore'
  | 'run:retry-failed'
  | 'results:get-last'
  | 'results:sample';

type RunOverrides = z.output<typeof runOverridesSchema>;

const NO_CREDITS: Credits = {
  used: 0,
  byEndpoint: {},
  calls: 0,
  retries: 0,
  rateLimited: 0,
  fromCache: 0,
  saved: { byCache: 0, byInfoOnce: 0 },
};

function prepare(
  ctx: HandlerContext,
  open: OpenWorkspace,
  o: RunOverrides | undefined,
  extra: { offline?: boolean } = {},
): Promise<PreparedScoreRun> {
  const { preset, ...rest } = o ?? {};
  return prepareScoreRun({
    workspace: open.ws,
    preset,
    overrides: rest as SettingsOverrides,
    cache: open.cache,
    offline: extra.offline,
    warn: (m) => ctx.s.log?.(`warning: ${m}`),
  });
}

/** A run as the app receives it over IPC (the scored rows whole: see shared/scored-row.ts). */
export function toOutcome(
  runId: string,
  result: RunResult,
  job: Pick<ScoreJobOutcome, 'written' | 'reportError' | 'historyError'>,
  started: number,
  rescore: boolean,
): RunOutcome {
  return {
    runId,
    ended: runEnd(result),
    summary: describeRunEnd(result),
    result,
    failed: result.failed,
    rescore,
    written: job.written.map((w) => w.path),
    partial: isPartialRun(result),
    reportError: job.reportError ?? null,
    historyError: job.historyError ?? null,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

export function createRunHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const { session } = ctx;

  /** One score run of the open workspace, registered by id while it goes. */
  async function run(
    open: OpenWorkspace,
    prepared: PreparedScoreRun,
    opts: { runId?: string; maxCredits?: number; only?: { tags: string[]; regions: string[] } },
  ): Promise<RunOutcome> {
    const started = performance.now();
    const runId = opts.runId ?? session.newRunId();
    if (session.running.size > 0)
      throw new TagfitError('input', 'A run is already going: cancel it or wait for it to finish.');
    const key = await runKey(ctx, open);
    const controller = new AbortController();
    session.running.set(runId, { controller, job: 'score' });
    // Results fill in as they arrive: the pairs in hand ranked among themselves, at most every 400 ms.
    const live: RunSamples = { challenges: new Map(), samples: new Map() };
    const candidates = opts.only?.tags ?? prepared.candidates;
    const regions = opts.only?.regions ?? prepared.regions;
    // The creator list reader lowercases usernames already.
    const targets = new Set(prepared.targets);
    const nowSec = Math.floor(ctx.s.clock().getTime() / 1000);
    // At most every 400 ms, and always once more after the last pair of a burst (a trailing emit).
    let lastPartial = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const emitPartial = (done: number, total: number): void => {
      trailing = undefined;
      lastPartial = performance.now();
      const scored = scoreRun(candidates, targets, regions, prepared.settings, nowSec, live, {
        confidence: false,
      });
      ctx.s.emit('run:partial', { runId, regions: scored, done, total });
    };
    const partial = (done: number, total: number): void => {
      const wait = 400 - (performance.now() - lastPartial);
      clearTimeout(trailing);
      if (wait <= 0) emitPartial(done, total);
      else trailing = setTimeout(() => emitPartial(done, total), wait);
    };
    try {
      const outcome = await runScoreJob({
        candidates,
        targets: prepared.targets,
        regions,
        settings: prepared.settings,
        now: ctx.s.clock(),
        clockIsFixed: ctx.s.clockIsFixed,
        demo: open.demo,
        apiBase: ctx.s.apiBase,
        key,
        requestsPerMinute: prepared.requestsPerMinute,
        concurrency: prepared.concurrency,
        cache: prepared.cache,
        maxAgeMs: prepared.maxAgeMs,
        infoMaxAgeMs: prepared.infoMaxAgeMs,
        maxCredits: opts.maxCredits,
        dataDir: prepared.dataDir,
        // A read-only workspace is not written; a retry of some pairs is not a run of the lists.
        record: !open.readOnly && !opts.only,
        velocityThreshold: prepared.velocityThreshold,
        signal: controller.signal,
        onProgress: (progress) => {
          ctx.s.emit('run:progress', { runId, job: 'score', progress });
          if ((progress.type === 'scored' || progress.type === 'sampled') && !opts.only)
            partial(progress.done, progress.total);
        },
        onWarning: (m) => ctx.s.log?.(`warning: ${m}`),
        samples: live,
      });
      // The key's state follows what TikLiveAPI last said of it.
      if (outcome.result.stopped?.code === 'auth') session.keyRejected = true;
      else if (outcome.result.credits.used > 0) session.keyRejected = false;
      const view = toOutcome(runId, outcome.result, outcome, started, false);
      if (!opts.only) {
        session.last = {
          outcome: view,
          data: outcome.data,
          regionNames: outcome.regionNames,
          previous: outcome.previous,
          targets,
          sampling: { pages: prepared.settings.pages, pageSize: prepared.settings.pageSize },
          raw: outcome.result,
        };
      }
      return view;
    } finally {
      clearTimeout(trailing);
      session.running.delete(runId);
    }
  }

  const handlers: DomainHandlers<Channels> = {
    async 'run:estimate'({ overrides }) {
      const open = requireWorkspace(ctx);
      const prepared = await prepare(ctx, open, overrides);
      return estimateScoreRun(prepared, {
        demo: open.demo,
        apiBase: ctx.s.apiBase,
        now: ctx.s.clock(),
        clockIsFixed: ctx.s.clockIsFixed,
      });
    },

    async 'run:start'({ overrides, runId, maxCredits }) {
      const open = requireWritable(ctx, 'run');
      return run(open, await prepare(ctx, open, overrides), { runId, maxCredits });
    },

    async 'run:cancel'({ runId }) {
      const r = session.running.get(runId);
      r?.controller.abort();
      return { cancelled: r !== undefined };
    },

    async 'run:rescore'({ overrides }) {
      const started = performance.now();
      const open = requireWorkspace(ctx);
      const prepared = await prepare(ctx, open, overrides, { offline: true });
      const last = session.last;
      const sameSamples =
        last !== undefined &&
        last.sampling.pages === prepared.settings.pages &&
        last.sampling.pageSize === prepared.settings.pageSize &&
        prepared.regions.every((r) => r in last.raw.regions);
      if (last && sameSamples) {
        // The samples in hand answer it: scoring only, no call and no file read.
        const nowSec = Math.floor(Date.parse(last.raw.now) / 1000);
        const targets = new Set(prepared.targets);
        const regions = scoreRun(
          prepared.candidates,
          targets,
          prepared.regions,
          prepared.settings,
          nowSec,
          last.data,
        );
        const raw: RunResult = {
          ...last.raw,
          preset: prepared.settings.preset,
          settings: prepared.settings,
          regions,
          credits: NO_CREDITS,
        };
        const result = computeMomentum(raw, last.previous, prepared.velocityThreshold);
        const view = toOutcome(last.outcome.runId, result, { written: [] }, started, true);
        const missing = prepared.candidates.filter((c) => !last.data.challenges.has(c));
        if (missing.length > 0)
          view.summary = `${view.summary} ${missing.length} candidates are not fetched yet (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}): Run fetches them.`;
        return view;
      }
      // No samples in memory (the app was just opened): from the cache, offline, recording nothing.
      const outcome = await runScoreJob({
        candidates: prepared.candidates,
        targets: prepared.targets,
        regions: prepared.regions,
        settings: prepared.settings,
        now: ctx.s.clock(),
        clockIsFixed: ctx.s.clockIsFixed,
        demo: open.demo,
        apiBase: ctx.s.apiBase,
        key: await runKey(ctx, open, true),
        cache: prepared.cache,
        maxAgeMs: prepared.maxAgeMs,
        infoMaxAgeMs: prepared.infoMaxAgeMs,
        offline: true,
        dataDir: prepared.dataDir,
        record: false,
        velocityThreshold: prepared.velocityThreshold,
      });
      const runId = session.newRunId();
      const view = toOutcome(runId, outcome.result, outcome, started, true);
      session.last = {
        outcome: view,
        data: outcome.data,
        regionNames: outcome.regionNames,
        previous: outcome.previous,
        targets: new Set(prepared.targets),
        sampling: { pages: prepared.settings.pages, pageSize: prepared.settings.pageSize },
        raw: outcome.result,
      };
      return view;
    },

    async 'run:retry-failed'({ runId, overrides }) {
      const open = requireWritable(ctx, 'retry');
      const last = session.last;
      if (!last || (runId && last.outcome.runId !== runId))
        throw new TagfitError('input', 'There is no finished run to retry: run first.');
      const failed = last.outcome.failed;
      if (failed.length === 0) return last.outcome;
      // The settings the results show, unless the renderer says others: a retry never changes the weights.
      const settings = last.raw.settings;
      const same = overrides ?? {
        preset: settings.preset,
        weights: settings.weights,
        windowDays: settings.windowDays,
      };
      const prepared = await prepare(ctx, open, same);
      const only = {
        tags: [...new Set(failed.map((f) => f.tag))].filter((t) => prepared.candidates.includes(t)),
        regions: [...new Set(failed.map((f) => f.region))].filter((r) => prepared.regions.includes(r)),
      };
      // Fetch just the failed pairs (into the cache), then re-score everything from the cache.
      const retried = await run(open, prepared, { only });
      if (retried.ended !== 'finished') return retried;
      session.last = undefined;
      return handlers['run:rescore']({ overrides: same });
    },

    async 'results:get-last'() {
      return session.last?.outcome ?? null;
    },

    async 'results:sample'({ region, candidate }) {
      const last = session.last;
      if (!last) throw new TagfitError('input', 'There is no run yet: run first.');
      const posts = last.data.samples.get(sampleKey(region.toUpperCase(), candidate));
      if (!posts)
        throw new TagfitError('not-found', `#${candidate} has no sample in ${region} in the last run.`);
      return posts.map((p) => ({
        id: p.id,
        createTime: p.createTime,
        likes: p.likes,
        plays: p.plays,
        authorId: p.authorId,
        target: last.targets.has(p.authorId.toLowerCase()),
        caption: p.caption,
      }));
    },
  };
  return handlers;
}
