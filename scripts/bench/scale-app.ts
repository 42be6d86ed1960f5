// The app's main process for the scale bench: the real handlers (app, workspace, run) over a workspace of the
// synthetic lists, called through dispatch as IPC calls them, with the synthetic samples as the last run's (what a
// run leaves in the session) after a cold score in the scoring workers, as a run's last step scores them.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createMemoryKeychain } from '../../src/core/secrets/keychain';
import { initWorkspace } from '../../src/core/workspace/layout';
import { defaultPoolSize, sharedScoringPool } from '../../src/core/worker/scoring-pool';
import { createFileSettingsStore } from '../../src/main/app-settings';
import { dispatch } from '../../src/main/dispatch';
import { createAppHandlers } from '../../src/main/handlers/app';
import { joinHandlers } from '../../src/main/handlers/join';
import { createRunHandlers } from '../../src/main/handlers/run';
import { prepare, toOutcome } from '../../src/main/handlers/score-runner';
import type { Handlers } from '../../src/main/handlers/types';
import { closeWorkspace, createWorkspaceHandlers } from '../../src/main/handlers/workspace';
import type { HandlerServices } from '../../src/main/services';
import { AppSession } from '../../src/main/session';
import type { RunIntervals, RunOutcome } from '../../src/shared/ipc-payloads';
import { NO_CREDITS, type RunResult } from '../../src/shared/model';
import { SCALE_NOW, type ScaleSamples } from './scale-samples';

/** One edit's answer and intervals: wall time, and CPU time of the process (every thread). */
export interface Edit {
  answerMs: number;
  answerCpu: number;
  intervalsMs?: number;
  intervalsCpu?: number;
  /** Until the first region's intervals arrived (the grid opens on the first region). */
  firstRegionMs?: number;
}

const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

export interface ScaleApp {
  workers: number;
  /** The cold score of the samples in the scoring workers: ranks alone, then with the confidence. */
  coldScore(): Promise<{ ranksMs: number; confidenceMs: number }>;
  /** One re-score as the side bar asks it; with `intervals`, also the time until its intervals arrived. */
  edit(overrides: object, intervals: boolean): Promise<Edit>;
  /** How long app:get-status takes to answer now. */
  statusMs(): Promise<number>;
  dispose(): Promise<void>;
}

export async function createScaleApp(dir: string, run: ScaleSamples): Promise<ScaleApp> {
  const ws = path.join(dir, 'client');
  await initWorkspace(ws, { settings: { preset: 'organic', requestsPerMinute: 100_000 } });
  await writeFile(path.join(ws, 'tags.csv'), `tag\n${run.candidates.join('\n')}\n`);
  await writeFile(path.join(ws, 'regions.csv'), `code\n${run.regions.join('\n')}\n`);
  await writeFile(path.join(ws, 'creators.csv'), `unique_id\n${run.targets.join('\n')}\n`);

  const waiting = new Map<number, (p: RunIntervals) => void>();
  const arrived = new Set<number>();
  const firstAt = new Map<number, number>();
  const s: HandlerServices = {
    keychain: createMemoryKeychain(),
    clock: () => SCALE_NOW,
    clockIsFixed: true,
    emit: (channel: string, payload: unknown) => {
      if (channel !== 'run:intervals') return;
      const p = payload as RunIntervals;
      if (!firstAt.has(p.generation)) firstAt.set(p.generation, performance.now());
      if (p.partial) return;
      arrived.add(p.generation);
      waiting.get(p.generation)?.(p);
    },
    paths: { demoDir: dir, demoWorkspace: path.join(dir, 'demo') },
    dialogs: { pickFolder: async () => null },
    notifier: { notify: () => {} },
    appSettings: createFileSettingsStore(path.join(dir, 'settings.json')),
    shell: 'web',
    version: 'bench',
  } as unknown as HandlerServices;
  const ctx = { s, session: new AppSession() };
  const handlers = joinHandlers({
    app: createAppHandlers(ctx),
    workspace: createWorkspaceHandlers(ctx),
    run: createRunHandlers(ctx),
  }) as unknown as Handlers;
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = await dispatch(handlers, channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  await call('workspace:open', { dir: ws });
  const prepared = await prepare(ctx, ctx.session.current!, undefined, { offline: true, keys: false });
  const pool = sharedScoringPool();
  const job = {
    candidates: prepared.candidates,
    targets: prepared.targets,
    regions: prepared.regions,
    settings: prepared.settings,
    nowSec: run.nowSec,
  };

  return {
    workers: defaultPoolSize(),
    async coldScore() {
      // The workers started first (a run's workers are up long before its last step): their start is no score.
      const first = run.candidates[0]!;
      await pool.score(
        { challenges: new Map([[first, run.data.challenges.get(first)!]]), samples: new Map() },
        { ...job, candidates: [first], confidence: false },
      );
      let t = performance.now();
      await pool.score(run.data, { ...job, confidence: false });
      const ranksMs = performance.now() - t;
      t = performance.now();
      const regions = await pool.score(run.data, { ...job, confidence: true });
      const confidenceMs = performance.now() - t;
      const raw: RunResult = {
        now: SCALE_NOW.toISOString(),
        preset: job.settings.preset,
        settings: job.settings,
        regions,
        credits: NO_CREDITS,
        failed: [],
      };
      ctx.session.last = {
        outcome: toOutcome('run-scale-1', raw, { written: [] }, performance.now(), false),
        data: run.data,
        regionNames: {},
        targets: new Set(job.targets),
        sampling: { pages: job.settings.pages, pageSize: job.settings.pageSize },
        raw,
      };
      return { ranksMs, confidenceMs };
    },
    async edit(overrides, intervals) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const out = await call<RunOutcome>('run:rescore', { overrides });
      const answerMs = performance.now() - t0;
      const answerCpu = cpuSince(c0);
      const g = out.intervalsPending;
      if (!intervals || g === undefined) return { answerMs, answerCpu };
      if (!arrived.has(g)) await new Promise<RunIntervals>((resolve) => waiting.set(g, resolve));
      waiting.delete(g);
      return {
        answerMs,
        answerCpu,
        intervalsMs: performance.now() - t0,
        intervalsCpu: cpuSince(c0),
        firstRegionMs: (firstAt.get(g) ?? performance.now()) - t0,
      };
    },
    async statusMs() {
      const t0 = performance.now();
      await call('app:get-status', {});
      return performance.now() - t0;
    },
    async dispose() {
      await closeWorkspace(ctx);
    },
  };
}
