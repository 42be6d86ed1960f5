// Localise in the open workspace: the variants from the last run's samples (no call, src/core/localize), each with
// the credits sampling it would cost, and sampling the ones the user asks for as the app's one run.
import { TagfitError } from '../../core/errors';
import type { SampledRun } from '../../core/job/discover-job';
import type { PreparedScoreRun } from '../../core/job/prepare-score';
import { localizeFromSamples } from '../../core/localize/localize-job';
import { estimateVariantSampling, sampleEquivalents } from '../../core/localize/sample';
import { saveSampledEquivalents } from '../../core/localize/store';
import type { EquivalentEvidence } from '../../shared/localize';
import type { LocalizeRow } from '../../shared/ipc/localize';
import type { OpenWorkspace } from '../session';
import { type HandlerContext, requireWorkspace, requireWritable } from './context';
import { prepare } from './score-runner';
import type { DomainHandlers } from './types';
import { logWarning } from './workspace-job';

function lastSamples(ctx: HandlerContext): SampledRun {
  const last = ctx.session.last;
  if (!last)
    throw new TagfitError('input', 'Nothing sampled yet: run first; variants come from its samples.');
  return { result: last.outcome.result, data: last.data };
}

async function withCosts(
  prepared: PreparedScoreRun,
  run: SampledRun,
  rows: readonly EquivalentEvidence[],
): Promise<LocalizeRow[]> {
  return Promise.all(
    rows.map(async (e) => {
      const est = await estimateVariantSampling(prepared, run, [e]);
      return { ...e, cost: est.pairs === 0 ? null : { min: est.min, max: est.max } };
    }),
  );
}

async function find(
  ctx: HandlerContext,
  open: OpenWorkspace,
  scope: { tags?: string[]; regions?: string[] },
): Promise<{
  prepared: PreparedScoreRun;
  run: SampledRun;
  rows: EquivalentEvidence[];
  tested: number;
  fdr: number;
}> {
  const run = lastSamples(ctx);
  const prepared = await prepare(ctx, open, undefined, { keys: false });
  try {
    const report = await localizeFromSamples({
      run,
      candidates: prepared.candidates,
      regions: Object.keys(run.result.regions),
      workspaceDir: open.ws.dir,
      dataDir: open.ws.paths.data,
      tags: scope.tags,
      only: scope.regions,
      warn: logWarning(ctx),
    });
    return { prepared, run, rows: report.equivalents, tested: report.tested, fdr: report.fdr };
  } finally {
    await prepared.release();
  }
}

export function createLocalizeHandlers(
  ctx: HandlerContext,
): DomainHandlers<'localize:find' | 'localize:sample'> {
  return {
    async 'localize:find'(r) {
      const open = requireWorkspace(ctx);
      const found = await find(ctx, open, r);
      return {
        rows: await withCosts(found.prepared, found.run, found.rows),
        tested: found.tested,
        fdr: found.fdr,
      };
    },
    async 'localize:sample'({ pairs, runId }) {
      const open = requireWritable(ctx, 'sample variants');
      const found = await find(ctx, open, {});
      const key = (e: { tag: string; region: string; equivalent: string }): string =>
        `${e.tag}|${e.region}|${e.equivalent}`;
      const wanted = new Set(pairs.map(key));
      const rows = found.rows.filter((e) => wanted.has(key(e)));
      const missing = pairs.filter((p) => !rows.some((e) => key(e) === key(p)));
      if (missing.length > 0)
        throw new TagfitError(
          'input',
          `Not a variant of the last run: ${missing.map((p) => `#${p.equivalent} for #${p.tag} in ${p.region}`).join(', ')}.`,
        );
      const prepared = await prepare(ctx, open, undefined);
      try {
        const sampled = await ctx.session.withRun(runId, (_id, signal) =>
          sampleEquivalents(prepared, found.run, rows, { signal, onWarning: logWarning(ctx) }),
        );
        await saveSampledEquivalents(open.ws.paths.data, sampled.equivalents, prepared.session.now);
        return {
          rows: await withCosts(prepared, found.run, sampled.equivalents),
          credits: sampled.credits,
          stopped: sampled.stopped ?? null,
        };
      } finally {
        await prepared.release();
      }
    },
  };
}
