// The lists: checked by the engine's rules (the CLI's), saved to the workspace's own CSV files; rows the rules
// refuse are kept as typed in the list's draft (core/input/list-draft.ts).
import { listFromValues, type ListResult } from '../../core/input/csv-lists';
import { saveListDraft } from '../../core/input/list-draft';
import { regionListJob } from '../../core/job/region-list';
import { saveListFile } from '../../core/workspace/layout';
import { LIST_SETTINGS } from '../../shared/scoring-registry';
import type { ListCheck, ListName } from '../../shared/ipc-payloads';
import { type HandlerContext, jobSession, requireWorkspace, requireWritable } from './context';
import type { DomainHandlers } from './types';

/** A list as the editor holds it, checked: what is kept, what was merged, what is wrong and why. */
export function checkList(list: ListName, values: readonly string[]): ListCheck {
  const r: ListResult = listFromValues(list, values, LIST_SETTINGS[list].label);
  return {
    list,
    values: r.values,
    merged: r.merged.map((m) => ({ value: m.value, items: m.lines })),
    errors: r.errors.map((e) => ({ item: e.line, value: values[e.line - 1] ?? '', reason: e.reason })),
  };
}

type Channels = 'lists:check' | 'lists:save' | 'lists:regions';

export function createListsHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  return {
    async 'lists:check'({ list, values }) {
      return checkList(list, values);
    },
    async 'lists:save'({ list, values }) {
      const open = requireWritable(ctx, 'save the list');
      const checked = checkList(list, values);
      await saveListFile(open.ws, list, checked.values);
      // The rows refused stay the user's: kept as typed in the list's draft, beside the list.
      await saveListDraft(open.ws.dir, list, values);
      // The samples in hand stay: a re-score names the candidates not fetched yet, and suggestions and the tag
      // set still read them (an added suggestion is fetched by the next run).
      return checked;
    },
    async 'lists:regions'() {
      const open = requireWorkspace(ctx);
      return regionListJob({
        online: () => jobSession(ctx, open),
        offline: () => jobSession(ctx, open, { offline: true }),
      });
    },
  };
}
