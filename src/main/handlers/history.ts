// The workspace's history: its runs, two compared, one tag's score and rank over time.
import { TagfitError } from '../../core/errors';
import { hashtagKey, stripHash } from '../../shared/hashtag';
import { compareRuns } from '../../core/engine/momentum';
import { runIdOf } from '../../core/job/previous-run';
import { listRuns, loadRun } from '../../core/workspace/history';
import { readLedger, summariseLedger } from '../../core/ledger/credit-ledger';
import type { TagHistoryPoint } from '../../shared/ipc/history';
import { type HandlerContext, requireWorkspace } from './context';
import type { DomainHandlers } from './types';

type Channels = 'history:list' | 'history:compare' | 'history:tag' | 'history:credits';

export function createHistoryHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  const dataDir = (): string => requireWorkspace(ctx).ws.paths.data;
  return {
    async 'history:list'() {
      return listRuns(dataDir(), (m) => ctx.s.log?.(`warning: ${m}`));
    },
    async 'history:compare'({ before, after }) {
      const list = await listRuns(dataDir());
      const resolve = (name: string): string => {
        const id = runIdOf(list, name);
        if (!id) throw new TagfitError('input', `No run "${name}" in this workspace's history.`);
        return id;
      };
      return compareRuns(await loadRun(dataDir(), resolve(before)), await loadRun(dataDir(), resolve(after)));
    },
    async 'history:tag'({ tag }) {
      const wanted = hashtagKey(stripHash(tag));
      const points: TagHistoryPoint[] = [];
      for (const summary of await listRuns(dataDir())) {
        const run = await loadRun(dataDir(), summary.id);
        for (const [region, r] of Object.entries(run.regions)) {
          const row = r.ranked.find((t) => t.candidate === wanted || hashtagKey(t.tag) === wanted);
          if (row) points.push({ runId: run.id, now: run.now, region, rank: row.rank, score: row.score });
        }
      }
      return points;
    },
    async 'history:credits'() {
      const entries = await readLedger(dataDir(), (m) => ctx.s.log?.(`warning: ${m}`));
      return summariseLedger(entries, ctx.s.clock().getTime());
    },
  };
}
