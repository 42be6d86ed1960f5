// The renderer's jobs store, driven as the views and events.ts drive it, with a fake window.tagfit: every job is
// kept by its run id (progress, result, error), progress is routed by run id, Cancel asks main by that id and
// the job ends as cancelled with what it had, and an error is kept and said once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/shared/model';

// The renderer's modules by a computed name: their DOM types stay out of the Node-side type check.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Job {
  runId: string;
  kind: string;
  input: readonly string[];
  status: string;
  progress: {
    done: number;
    total: number;
    credits: number;
    unit: string;
    last: string | null;
    failed: number;
  };
  result: unknown;
  error: { code: string; message: string } | null;
}
interface JobsStore {
  getState(): {
    jobs: Record<string, Job>;
    latest: Record<string, string | undefined>;
    run(
      kind: string,
      input: string[],
      call: (id: string) => Promise<unknown>,
      what: string,
    ): Promise<unknown>;
    cancel(runId: string): Promise<void>;
    onProgress(e: { runId: string; job: string; progress: RunProgress }): void;
  };
  setState(s: object): void;
}
const { useJobsStore } = (await load('../../src/renderer/src/stores/jobs-store')) as {
  useJobsStore: JobsStore;
};
const { useUiStore } = (await load('../../src/renderer/src/stores/ui-store')) as {
  useUiStore: { getState(): { alert: { title: string } | null; dismissAlert(): void } };
};

/** What the fake bridge was asked. */
let calls: { channel: string; payload: unknown }[] = [];
const g = globalThis as unknown as { window?: unknown };

beforeEach(() => {
  calls = [];
  g.window = {
    tagfit: {
      invoke: async (channel: string, payload: unknown) => {
        calls.push({ channel, payload });
        return { ok: true, value: { cancelled: true } };
      },
    },
  };
  useJobsStore.setState({ jobs: {}, latest: {} });
  useUiStore.getState().dismissAlert();
});
afterEach(() => {
  delete g.window;
});

/** A job whose answer the test gives when it wants. */
function pending<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const jobs = () => useJobsStore.getState();

describe('the jobs store', () => {
  it('keeps a job by its run id: running with its usernames counted, then done with its result', async () => {
    const answer = pending<{ ranked: string[] }>();
    let id = '';
    const done = jobs().run(
      'creator-fit',
      ['ana', 'ben'],
      (runId) => ((id = runId), answer.promise),
      'Scoring',
    );
    expect(id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(jobs().latest['creator-fit']).toBe(id);
    expect(jobs().jobs[id]).toMatchObject({
      status: 'running',
      progress: { done: 0, total: 2, unit: 'creators' },
    });
    answer.resolve({ ranked: ['ana', 'ben'] });
    expect(await done).toEqual({ ranked: ['ana', 'ben'] });
    expect(jobs().jobs[id]).toMatchObject({
      status: 'done',
      result: { ranked: ['ana', 'ben'] },
      error: null,
    });
  });

  it('routes progress by run id: a decode counts its competitors, then its tag × region pairs', async () => {
    const answer = pending<object>();
    let id = '';
    void jobs().run('decode', ['acme', 'north'], (runId) => ((id = runId), answer.promise), 'Decoding');
    const e = (progress: RunProgress, runId = id) => jobs().onProgress({ runId, job: 'decode', progress });
    e({ type: 'scored', tag: 'acme', region: 'ALL', done: 1, total: 2, credits: 3 });
    e({
      type: 'failed',
      tag: 'north',
      region: null,
      error: { code: 'not-found', message: 'no' },
      done: 2,
      total: 2,
      credits: 4,
    });
    expect(jobs().jobs[id]?.progress).toEqual({
      done: 2,
      total: 2,
      credits: 4,
      unit: 'competitors',
      last: '@north',
      failed: 1,
    });
    // Another run's event changes nothing here.
    e({ type: 'queued', total: 99 }, 'someone-else');
    expect(jobs().jobs[id]?.progress.total).toBe(2);
    e({ type: 'queued', total: 6 });
    e({ type: 'scored', tag: 'booktok', region: 'US', done: 1, total: 6, credits: 5 });
    expect(jobs().jobs[id]?.progress).toMatchObject({
      unit: 'pairs',
      done: 1,
      total: 6,
      last: '#booktok in US',
    });
    answer.resolve({});
  });

  it('Cancel asks main by the run id; the job ends cancelled with what it had, and no alert', async () => {
    const answer = pending<{ competitors: string[] }>();
    let id = '';
    const done = jobs().run('decode', ['acme'], (runId) => ((id = runId), answer.promise), 'Decoding');
    await jobs().cancel(id);
    expect(calls).toEqual([{ channel: 'run:cancel', payload: { runId: id } }]);
    expect(jobs().jobs[id]?.status).toBe('cancelling');
    answer.resolve({ competitors: [] });
    await done;
    expect(jobs().jobs[id]).toMatchObject({ status: 'cancelled', result: { competitors: [] } });
    // A job that was refused as cancelled (stopped before it had anything) is cancelled too, not an error.
    const stopped = jobs().run(
      'track',
      ['me'],
      () => Promise.reject(Object.assign(new Error('Stopped.'), { code: 'cancelled' })),
      'Checking',
    );
    expect(await stopped).toBeNull();
    expect(jobs().jobs[jobs().latest.track!]).toMatchObject({
      status: 'cancelled',
      error: { code: 'cancelled' },
    });
    expect(useUiStore.getState().alert).toBeNull();
  });

  it('an error is kept with its code and said once, where it happened', async () => {
    const r = await jobs().run(
      'decode',
      ['acme'],
      () => Promise.reject(Object.assign(new Error('TikLiveAPI refused the key.'), { code: 'auth' })),
      'Decoding the competitors',
    );
    expect(r).toBeNull();
    const job = jobs().jobs[jobs().latest.decode!];
    expect(job).toMatchObject({
      status: 'failed',
      error: { code: 'auth', message: 'TikLiveAPI refused the key.' },
    });
    expect(useUiStore.getState().alert?.title).toBe('Decoding the competitors: TikLiveAPI refused the key');
  });

  it('keeps each kind’s latest job and the last finished ones, never every job ever run', async () => {
    for (let i = 0; i < 15; i++) await jobs().run('creator-fit', [`c${i}`], async () => ({ i }), 'Scoring');
    await jobs().run('track', ['me'], async () => ({}), 'Checking');
    const kept = Object.values(jobs().jobs);
    expect(kept.length).toBeLessThanOrEqual(12);
    expect(jobs().jobs[jobs().latest['creator-fit']!]?.input).toEqual(['c14']);
    expect(jobs().jobs[jobs().latest.track!]?.kind).toBe('track');
  });
});
