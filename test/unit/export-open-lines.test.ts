// Open report / Open folder after an export: the app says what it opened; the browser preview, which opens nothing
// (main's own line gives the path to open by hand), never also says "Opened".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The renderer's modules by a computed name: their DOM types stay out of the Node-side type check.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Store<S> {
  getState(): S;
  setState(s: object): void;
}
const { useUiStore } = (await load('../../src/renderer/src/stores/ui-store')) as {
  useUiStore: Store<{ lines: { text: string }[] }>;
};
const { useWorkspaceStore } = (await load('../../src/renderer/src/stores/workspace-store')) as {
  useWorkspaceStore: Store<object>;
};
const { openExported } = (await load('../../src/renderer/src/shell/ExportDone')) as {
  openExported(what: 'folder' | 'report'): Promise<void>;
};

const g = globalThis as unknown as { window?: unknown };
const said = () => useUiStore.getState().lines.map((l) => l.text);

beforeEach(() => {
  g.window = {
    tagfit: {
      invoke: () => Promise.resolve({ ok: true, value: { opened: '/ws/reports/report-2026-11-20.html' } }),
    },
  };
  useUiStore.setState({ lines: [] });
});
afterEach(() => {
  delete g.window;
});

describe('Open report / Open folder', () => {
  it('in the app: says what it opened', async () => {
    useWorkspaceStore.setState({ status: { shell: 'electron' } });
    await openExported('report');
    expect(said()).toEqual(['Opened the report: /ws/reports/report-2026-11-20.html']);
  });
  it('in the browser preview: nothing that says "Opened" (the preview opens nothing)', async () => {
    useWorkspaceStore.setState({ status: { shell: 'web' } });
    await openExported('report');
    await openExported('folder');
    expect(said().filter((l) => /Opened the (report|folder)/.test(l))).toEqual([]);
  });
});
