// The three lists as the grids edit them: rows with their engine-checked problems, undo and redo, paste and
// CSV import. Every edit goes through an action here (the grids are read-only-edit), is checked by main with the
// engine's rules, and is saved to the workspace's own CSV file (the rows it refuses to the list's draft beside it,
// so they survive closing the workspace).
import { create } from 'zustand';
import { stripHash } from '../../../shared/hashtag';
import type { ListCheck, ListName } from '../../../shared/ipc-payloads';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';
import { useWorkspaceStore } from './workspace-store';

export interface ListRow {
  id: number;
  value: string;
  /** Why the engine refuses it, or null. */
  problem: string | null;
}

interface ListState {
  rows: ListRow[];
  undo: string[][];
  redo: string[][];
  notice: string | null;
}

interface ListsState {
  lists: Record<ListName, ListState>;
  /** A workspace's lists; a list's draft (its rows as last typed, some refused) is shown instead, problems marked. */
  load(lists: Record<ListName, string[]>, drafts?: Partial<Record<ListName, string[]>>): void;
  edit(list: ListName, id: number, value: string): Promise<void>;
  add(list: ListName, values: string[]): Promise<void>;
  remove(list: ListName, ids: number[]): Promise<void>;
  replace(list: ListName, values: string[]): Promise<void>;
  /** Adds the value when absent, removes it when present; quick toggles apply one after another. */
  toggle(list: ListName, value: string): Promise<void>;
  undo(list: ListName): Promise<void>;
  redo(list: ListName): Promise<void>;
}

let nextId = 1;
let toggles: Promise<void> = Promise.resolve();
const rowsOf = (values: readonly string[]): ListRow[] =>
  values.map((value) => ({ id: nextId++, value, problem: null }));
const empty = (): ListState => ({ rows: [], undo: [], redo: [], notice: null });

/**
 * "#FounderLife " → "FounderLife", "@acme" → "acme": what a person pastes, its sigil dropped by the hashtag rules
 * (src/shared/hashtag.ts) or the "@" of a username; the list check then reads it as the CLI's list reader does.
 */
const cleanEntry = (v: string): string => stripHash(v).replace(/^@/, '');

/** Values of a paste: one per line, or per cell of a spreadsheet row (tabs), or comma-separated. */
export function splitPaste(text: string): string[] {
  return text
    .split(/\r?\n|\t|,|;/)
    .map(cleanEntry)
    .filter((v) => v !== '');
}

export const useListsStore = create<ListsState>((set, get) => {
  const values = (list: ListName): string[] => get().lists[list].rows.map((r) => r.value);

  /** Checks the new values, merges duplicates (said), marks problems, saves the valid ones. */
  async function commit(list: ListName, next: string[], undoable = true): Promise<void> {
    const before = values(list);
    let check: ListCheck;
    try {
      check = await invoke('lists:check', { list, values: next });
      useUiStore.getState().succeeded('Checking the list');
    } catch (e) {
      useUiStore.getState().report('Checking the list', e);
      return;
    }
    const dropped = new Set<number>();
    for (const m of check.merged) for (const i of m.items.slice(1)) dropped.add(i);
    const problems = new Map(check.errors.map((e) => [e.item, e.reason]));
    const kept = next.map((value, i) => ({ value, item: i + 1 })).filter((r) => !dropped.has(r.item));
    const old = get().lists[list].rows;
    // A valid row shows the value as the engine normalised it ("FounderLife" → "founderlife"), as it is saved.
    let v = 0;
    const rows: ListRow[] = kept.map((r, i) => {
      const problem = problems.get(r.item) ?? null;
      const value = problem === null ? (check.values[v++] ?? r.value) : r.value;
      return { id: old[i]?.value === value ? old[i]!.id : nextId++, value, problem };
    });
    const notice =
      check.merged.length > 0
        ? `Merged duplicates: ${check.merged.map((m) => `${m.value} (×${m.items.length})`).join(', ')}.`
        : null;
    const cur = get().lists[list];
    set({
      lists: {
        ...get().lists,
        [list]: {
          rows,
          undo: undoable ? [...cur.undo.slice(-99), before] : cur.undo,
          redo: undoable ? [] : cur.redo,
          notice,
        },
      },
    });
    if (notice) useUiStore.getState().log('info', notice);
    const ws = useWorkspaceStore.getState().workspace;
    if (!ws || ws.readOnly) return;
    try {
      const saved = await invoke('lists:save', { list, values: rows.map((r) => r.value) });
      useWorkspaceStore.getState().setLists({ ...ws.lists, [list]: saved.values });
      useUiStore.getState().succeeded('Saving the list');
    } catch (e) {
      useUiStore.getState().report('Saving the list', e);
    }
  }

  /** Marks each row's problem as the engine sees it, changing and saving nothing (a draft just read back). */
  async function markProblems(list: ListName): Promise<void> {
    const rows = get().lists[list].rows;
    try {
      const check = await invoke('lists:check', { list, values: rows.map((r) => r.value) });
      const problems = new Map(check.errors.map((e) => [e.item, e.reason]));
      // Only if the list is still the one checked (no edit came in between).
      if (get().lists[list].rows !== rows) return;
      const marked = rows.map((r, i) => ({ ...r, problem: problems.get(i + 1) ?? null }));
      set({ lists: { ...get().lists, [list]: { ...get().lists[list], rows: marked } } });
    } catch (e) {
      useUiStore.getState().report('Checking the list', e);
    }
  }

  /** Undo or redo: the list goes back to the top of one stack, and what it was goes onto the other. */
  async function travel(list: ListName, from: 'undo' | 'redo'): Promise<void> {
    const cur = get().lists[list];
    const target = cur[from].at(-1);
    if (!target) return;
    const to = from === 'undo' ? 'redo' : 'undo';
    const moved = { ...cur, [from]: cur[from].slice(0, -1), [to]: [...cur[to], values(list)] };
    set({ lists: { ...get().lists, [list]: moved } });
    await commit(list, target, false);
  }

  return {
    lists: { tags: empty(), creators: empty(), regions: empty() },
    load(lists, drafts = {}) {
      const shown = (l: ListName): string[] => drafts[l] ?? lists[l];
      set({
        lists: {
          tags: { ...empty(), rows: rowsOf(shown('tags')) },
          creators: { ...empty(), rows: rowsOf(shown('creators')) },
          regions: { ...empty(), rows: rowsOf(shown('regions')) },
        },
      });
      for (const l of Object.keys(drafts) as ListName[]) void markProblems(l);
    },
    async edit(list, id, value) {
      await commit(
        list,
        get().lists[list].rows.map((r) => (r.id === id ? cleanEntry(value) : r.value)),
      );
    },
    async add(list, added) {
      await commit(list, [...values(list), ...added.map(cleanEntry).filter(Boolean)]);
    },
    async remove(list, ids) {
      const gone = new Set(ids);
      await commit(
        list,
        get()
          .lists[list].rows.filter((r) => !gone.has(r.id))
          .map((r) => r.value),
      );
    },
    async replace(list, next) {
      await commit(list, next.map(cleanEntry).filter(Boolean));
    },
    toggle(list, value) {
      // Each toggle starts from the list as the one before left it: two quick clicks both count.
      toggles = toggles.then(async () => {
        const now = values(list);
        await commit(list, now.includes(value) ? now.filter((v) => v !== value) : [...now, value]);
      });
      return toggles;
    },
    undo: (list) => travel(list, 'undo'),
    redo: (list) => travel(list, 'redo'),
  };
});
