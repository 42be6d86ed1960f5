// The fetch-and-score pipeline: one info call per hashtag, a paged sample per hashtag and region, then
// scoring per region. Shared by the CLI, the Electron main process and the tests; knows no UI.
import type { RegionCode, RunResult } from '../../shared/model';
import { sampleAdaptive } from './adaptive-sampling';
import { sampleFull } from './full-sampling';
import { makeSamplesLean } from './lean-posts';
import { createRunContext, type RunContext } from './run-context';
import { type RunInput, type RunSamples, sampleKey } from './run-samples';
import { scoreRun } from './score-run';

// The pipeline's public face: what a run takes and keeps, and the scoring a re-score runs alone.
export { type RunSamples, sampleKey } from './run-samples';
export { scoreRun } from './score-run';

/** Run the whole pipeline. Never throws for a single hashtag: failures land in `failed`, a stop in `stopped`. */
export async function runPipeline(input: RunInput): Promise<{ result: RunResult; data: RunSamples }> {
  const ctx = createRunContext(input);
  ctx.emit({ type: 'queued', total: ctx.total });
  if (ctx.settings.sampling === 'adaptive') await sampleAdaptive(ctx);
  else await sampleFull(ctx);
  // Every pair held lean, a stopped run's pages in hand too (each pair is made lean as it completes).
  makeSamplesLean(ctx.data.samples);
  ctx.release();
  return { result: await finishRun(ctx), data: ctx.data };
}

/** Scores what was fetched and says how the run ended: the pairs left unscored by a stop, the credits spent. */
async function finishRun(ctx: RunContext): Promise<RunResult> {
  const { api, input, candidates, regions, settings, nowSec, data, done, failed, stoppedEarly } = ctx;
  const result = input.score
    ? await input.score(data, {
        candidates,
        targets: [...input.targets],
        regions,
        settings,
        nowSec,
        confidence: true,
      })
    : scoreRun(candidates, input.targets, regions, settings, nowSec, data);
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
  if (input.signal?.aborted && (unscored.length > 0 || ctx.state.cutShort.length > 0))
    ctx.stopRun('cancelled', 'Run cancelled; what was fetched is kept.');
  const finalStop = ctx.state.stop;
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
    ...(finalStop
      ? {
          stopped: {
            ...finalStop,
            unscored,
            ...(ctx.state.cutShort.length > 0 ? { cutShort: ctx.state.cutShort } : {}),
          },
        }
      : {}),
  };
  ctx.emit({ type: 'done', credits: api.credits().used, failed: failed.length, stopped: Boolean(finalStop) });
  return runResult;
}
