// Small parts of the job layer: the live-partial throttle (results fill in at most every 400 ms, always once more
// after a burst, nothing after the run ends), the watch's notification wording, and a watch run that did not
// complete raising no alert.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../src/core/engine/presets';
import { createLivePartial } from '../../src/core/job/live-partial';
import { runIdOf } from '../../src/core/job/previous-run';
import { runWatchIfDue, watchNotice } from '../../src/core/job/watch-due';
import { initWorkspace } from '../../src/core/workspace/layout';
import type { WatchAlert } from '../../src/shared/discover';
import type { RunResult } from '../../src/shared/model';

afterEach(() => {
  vi.useRealTimers();
});

describe('createLivePartial', () => {
  it('emits at once, then at most every interval with the latest counts, and nothing once disposed', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.advanceTimersByTime(10_000);
    const emitted: { done: number; total: number }[] = [];
    const live = createLivePartial({
      candidates: ['a', 'b'],
      targets: new Set(),
      regions: ['US'],
      settings: PRESETS.seed,
      now: new Date('2026-11-20T00:00:00Z'),
      samples: { challenges: new Map(), samples: new Map() },
      emit: (p) => emitted.push({ done: p.done, total: p.total }),
    });
    live.pairDone(1, 4);
    expect(emitted).toEqual([{ done: 1, total: 4 }]);
    live.pairDone(2, 4);
    live.pairDone(3, 4);
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(400);
    // The burst's last counts, once.
    expect(emitted).toEqual([
      { done: 1, total: 4 },
      { done: 3, total: 4 },
    ]);
    live.pairDone(4, 4);
    live.dispose();
    vi.advanceTimersByTime(1_000);
    expect(emitted).toHaveLength(2);
  });
});

describe('the watch job', () => {
  const alert = (message: string): WatchAlert => ({
    rule: 'rank-move',
    tag: 'founderlife',
    region: 'US',
    before: 3,
    after: 1,
    message,
  });

  it('says what to notify: the first three alerts, or that nothing crossed a rule', () => {
    expect(watchNotice([])).toEqual({
      title: 'Tagfit: the weekly run is done',
      body: 'No alert: nothing crossed a rule.',
    });
    expect(watchNotice([alert('one')])).toEqual({ title: 'Tagfit: 1 alert', body: 'one' });
    expect(watchNotice(['a', 'b', 'c', 'd'].map(alert))).toEqual({
      title: 'Tagfit: 4 alerts',
      body: 'a\nb\nc',
    });
  });

  it('a due run that did not complete raises no alert, writes no alert file, and says why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tagfit-watch-'));
    try {
      const ws = await initWorkspace(path.join(dir, 'w'));
      const stopped = {
        now: '2026-11-20T00:00:00.000Z',
        regions: {},
        failed: [],
        stopped: { code: 'budget', message: 'The credit budget (3) is spent.', unscored: [] },
      } as unknown as RunResult;
      let runs = 0;
      const out = await runWatchIfDue({
        ws,
        now: new Date('2026-11-20T00:00:00Z'),
        run: async () => {
          runs += 1;
          return {
            result: stopped,
            data: { challenges: new Map(), samples: new Map() },
            candidates: [],
            targets: [],
            partial: true,
          };
        },
      });
      expect(runs).toBe(1);
      expect(out).toMatchObject({
        due: true,
        why: 'no run is recorded yet',
        alerts: [],
        written: [],
        incomplete:
          'the watch run did not complete (The credit budget (3) is spent.); no alert is raised from a partial run',
        notice: { title: 'Tagfit: the watch run did not complete' },
      });
      expect(await readdir(ws.paths.reports)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('"last" and "previous" name the latest recorded run and the one before it', () => {
    const runs = [
      { id: 'r1', now: '2026-11-06T00:00:00Z' },
      { id: 'r2', now: '2026-11-13T00:00:00Z' },
      { id: 'r3', now: '2026-11-20T00:00:00Z' },
    ] as unknown as Parameters<typeof runIdOf>[0];
    expect(runIdOf(runs, 'last')).toBe('r3');
    expect(runIdOf(runs, 'previous')).toBe('r2');
    expect(runIdOf(runs, 'r1')).toBe('r1');
    expect(runIdOf(runs, 'r9')).toBeUndefined();
    expect(runIdOf(runs.slice(0, 1), 'previous')).toBeUndefined();
  });
});
