// An alert says what failed; it goes when that same action next succeeds (an old "Estimating the run" error does
// not sit over a good estimate and the run that follows, nor "Scoring the creators" over creators scored since, nor
// "Saving the settings" over settings saved since), and an alert about another action stays.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The renderer's modules by a computed name: their DOM types stay out of the Node-side type check.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Store<S> {
  getState(): S;
  setState(s: object): void;
}
type Ui = Store<{ alert: { title: string; message: string } | null; dialog: string | null }>;
const { useUiStore } = (await load('../../src/renderer/src/stores/ui-store')) as { useUiStore: Ui };
const { useRunStore } = (await load('../../src/renderer/src/stores/run-store')) as {
  useRunStore: Store<{ askToRun(): Promise<void> }>;
};
const { useJobsStore } = (await load('../../src/renderer/src/stores/jobs-store')) as {
  useJobsStore: Store<{
    run(
      kind: string,
      input: string[],
      call: (id: string) => Promise<unknown>,
      what: string,
    ): Promise<unknown>;
  }>;
};
const { useHistoryStore } = (await load('../../src/renderer/src/stores/history-store')) as {
  useHistoryStore: Store<{ refresh(): Promise<void> }>;
};
const { useSyncStore } = (await load('../../src/renderer/src/stores/sync-store')) as {
  useSyncStore: Store<{ refresh(): Promise<void> }>;
};
const { useWorkspaceStore } = (await load('../../src/renderer/src/stores/workspace-store')) as {
  useWorkspaceStore: Store<{ saveSettings(s: object): Promise<void> }>;
};

/** Main's answers by channel: an error ({ message }) or a value. */
let answers: Record<string, { ok: true; value: unknown } | { ok: false; error: object }> = {};
const g = globalThis as unknown as { window?: unknown };
const alertTitle = () => useUiStore.getState().alert?.title ?? null;

beforeEach(() => {
  answers = {};
  g.window = {
    tagfit: {
      invoke: (channel: string) =>
        Promise.resolve(
          answers[channel] ?? { ok: false, error: { code: 'internal', message: `no ${channel}` } },
        ),
    },
  };
  useUiStore.setState({ alert: null, dialog: null });
  useRunStore.setState({
    scoring: {
      preset: 'organic',
      weights: { velocity: 0.35, density: 0.3, overlap: 0.3, adPenalty: 0.05 },
      windowDays: 14,
      pages: 3,
    },
  });
});
afterEach(() => {
  delete g.window;
});

const refused = (message: string) => ({ ok: false as const, error: { code: 'input', message } });

describe('an alert goes when its action next succeeds', () => {
  it('a failed estimate, then a good one: the confirm dialog shows without the old alert', async () => {
    answers['run:estimate'] = refused('/ws/tags.csv: no candidate hashtags to score');
    await useRunStore.getState().askToRun();
    expect(alertTitle()).toBe('Estimating the run');
    answers['run:estimate'] = { ok: true, value: { expected: 49, network: { max: 78 } } };
    await useRunStore.getState().askToRun();
    expect(useUiStore.getState().dialog).toBe('confirm-run');
    expect(alertTitle()).toBeNull();
  });

  it('a job that failed, then worked: its alert goes; an alert about something else stays', async () => {
    const jobs = useJobsStore.getState();
    await jobs.run(
      'creator-fit',
      ['a'],
      () => Promise.reject(new Error('TikLiveAPI answered HTTP 503')),
      'Scoring the creators',
    );
    expect(alertTitle()).toBe('Scoring the creators');
    await jobs.run('creator-fit', ['a'], () => Promise.resolve({}), 'Scoring the creators');
    expect(alertTitle()).toBeNull();
    answers['run:estimate'] = refused('/ws/tags.csv: no candidate hashtags to score');
    await useRunStore.getState().askToRun();
    await jobs.run('creator-fit', ['a'], () => Promise.resolve({}), 'Scoring the creators');
    expect(alertTitle()).toBe('Estimating the run');
  });

  it('settings refused, then saved: the alert goes', async () => {
    answers['settings:save-workspace'] = refused('Cache lifetime (hours): must be 0 or more');
    await useWorkspaceStore.getState().saveSettings({});
    expect(alertTitle()).toBe('Saving the settings');
    answers['settings:save-workspace'] = { ok: true, value: null };
    await useWorkspaceStore.getState().saveSettings({});
    expect(alertTitle()).toBeNull();
  });
  it('reads that failed and then worked: the history, the check for conflicted copies', async () => {
    answers['history:list'] = { ok: false, error: { code: 'storage', message: 'data/history: EACCES' } };
    await useHistoryStore.getState().refresh();
    expect(alertTitle()).toMatch(/^Reading the history/);
    answers['history:list'] = { ok: true, value: [] };
    await useHistoryStore.getState().refresh();
    expect(alertTitle()).toBeNull();
    answers['workspace:check'] = { ok: false, error: { code: 'storage', message: 'EIO' } };
    await useSyncStore.getState().refresh();
    expect(alertTitle()).toMatch(/^Checking the workspace for conflicted copies/);
    answers['workspace:check'] = { ok: true, value: { conflicts: [] } };
    await useSyncStore.getState().refresh();
    expect(alertTitle()).toBeNull();
  });
});
