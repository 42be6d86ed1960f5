// Every job the workbench starts (a score run, a watch run, a decode, creator fit, the track record), keyed by
// its run id: progress, result, error and cancel. Views read it through selectors and fetch nothing themselves,
// so a job and its result outlive a view switch. Progress reaches it through events.ts, routed by run id.
import { create } from 'zustand';
import type { CreatorFitResult, DecodeResult } from '../../../shared/decode';
import type { ErrorCode, ErrorInfo, RunProgress } from '../../../shared/model';
import type { TrackResult } from '../../../shared/track';
import type { RunEvent, RunOutcome } from '../../../shared/ipc-payloads';
import { invoke } from '../bridge';
import { useUiStore } from './ui-store';

/** What each kind of job answers. A watch run answers null when nothing was due. */
export interface JobResults {
  score: RunOutcome;
  watch: RunOutcome | null;
  decode: DecodeResult;
  'creator-fit': CreatorFitResult;
  track: TrackResult;
}

export type JobKind = keyof JobResults;

export type JobStatus = 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface JobProgress {
  done: number;
  total: number;
  credits: number;
  /** What is counted: a decode reads its competitors, then scores their tags as tag × region pairs. */
  unit: 'pairs' | 'competitors' | 'creators' | 'accounts';
  /** The last item that ended, as people name it: "@username", "#tag in US". */
  last: string | null;
  failed: number;
}

export interface Job<K extends JobKind = JobKind> {
  runId: string;
  kind: K;
  /** What the job was asked (the usernames), so its view can show the question beside the answer. */
  input: readonly string[];
  startedAt: number;
  status: JobStatus;
  progress: JobProgress;
  result: JobResults[K] | null;
  error: ErrorInfo | null;
}

interface JobsState {
  jobs: Record<string, Job>;
  /** The run id of the latest job of each kind (what its view shows). */
  latest: Partial<Record<JobKind, string>>;
  /**
   * Starts a job under a new run id (main registers it for run:cancel and tags its progress with it), keeps its
   * result or error, and answers the result; null when it failed (reported as `what`, e.g. "Decoding the
   * competitors") or answered nothing.
   */
  run<K extends JobKind>(
    kind: K,
    input: readonly string[],
    call: (runId: string) => Promise<JobResults[K]>,
    what: string,
  ): Promise<JobResults[K] | null>;
  /** Asks main to stop the job; it ends with what it had (its result, marked cancelled). */
  cancel(runId: string): Promise<void>;
  onProgress(e: RunEvent): void;
}

/** A new run id, in the contract's grammar (6-64 letters, digits, - or _). */
export const newRunId = (): string => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

const FIRST_UNIT: Record<JobKind, JobProgress['unit']> = {
  score: 'pairs',
  watch: 'pairs',
  decode: 'competitors',
  'creator-fit': 'creators',
  track: 'accounts',
};

/** A job going, in words (the progress line, the status bar). */
export const JOB_VERB: Record<JobKind, string> = {
  score: 'Running',
  watch: 'Running',
  decode: 'Decoding',
  'creator-fit': 'Scoring creators',
  track: 'Checking the track record',
};

/** Jobs kept besides each kind's latest and the running ones: enough to look back, never a leak. */
const KEEP_FINISHED = 10;

const stopped = (code: ErrorCode): boolean => code === 'cancelled';

/** The job with one change, in a new jobs map (the store's state is never changed in place). */
function withJob(jobs: Record<string, Job>, runId: string, patch: Partial<Job>): Record<string, Job> {
  const j = jobs[runId];
  return j ? { ...jobs, [runId]: { ...j, ...patch } as Job } : jobs;
}

function pruned(jobs: Record<string, Job>, latest: JobsState['latest']): Record<string, Job> {
  const keep = new Set(Object.values(latest));
  const finished = Object.values(jobs)
    .filter((j) => !keep.has(j.runId) && j.status !== 'running' && j.status !== 'cancelling')
    .sort((a, b) => b.startedAt - a.startedAt);
  const drop = new Set(finished.slice(KEEP_FINISHED).map((j) => j.runId));
  return Object.fromEntries(Object.entries(jobs).filter(([id]) => !drop.has(id)));
}

/** A progress event folded into a job's progress. */
export function nextProgress(prev: JobProgress, p: RunProgress): JobProgress {
  if (p.type === 'queued') return { ...prev, unit: 'pairs', done: 0, total: p.total };
  if (p.type === 'done') return { ...prev, credits: p.credits };
  // A creator's end comes with no region (a failure) or 'ALL'; a pair's with its region.
  const pair = prev.unit === 'pairs';
  const region = p.region && p.region !== 'ALL' ? ` in ${p.region}` : '';
  const last = pair ? `#${p.tag}${region}` : `@${p.tag}`;
  const ended = p.type === 'scored' || p.type === 'failed';
  return {
    ...prev,
    done: p.done,
    total: p.total,
    credits: p.credits,
    last: ended ? last : prev.last,
    failed: prev.failed + (p.type === 'failed' ? 1 : 0),
  };
}

export const useJobsStore = create<JobsState>((set, get) => ({
  jobs: {},
  latest: {},
  async run(kind, input, call, what) {
    const runId = newRunId();
    const job: Job = {
      runId,
      kind,
      input,
      startedAt: Date.now(),
      status: 'running',
      // A creator job counts its usernames from the start; a run learns its pairs from its first event.
      progress: { done: 0, total: input.length, credits: 0, unit: FIRST_UNIT[kind], last: null, failed: 0 },
      result: null,
      error: null,
    };
    const latest = { ...get().latest, [kind]: runId };
    set({ jobs: pruned({ ...get().jobs, [runId]: job }, latest), latest });
    try {
      const result = await call(runId);
      const asked = get().jobs[runId]?.status === 'cancelling';
      set({ jobs: withJob(get().jobs, runId, { status: asked ? 'cancelled' : 'done', result }) });
      useUiStore.getState().succeeded(what);
      return result;
    } catch (e) {
      const code = ((e as { code?: ErrorCode }).code ?? 'input') as ErrorCode;
      const error = { code, message: e instanceof Error ? e.message : String(e) };
      set({ jobs: withJob(get().jobs, runId, { status: stopped(code) ? 'cancelled' : 'failed', error }) });
      if (!stopped(code)) useUiStore.getState().report(what, e);
      return null;
    }
  },
  async cancel(runId) {
    const j = get().jobs[runId];
    if (!j || j.status !== 'running') return;
    set({ jobs: withJob(get().jobs, runId, { status: 'cancelling' }) });
    try {
      await invoke('run:cancel', { runId });
    } catch (e) {
      useUiStore.getState().report('Cancelling', e);
    }
  },
  onProgress(e) {
    const j = get().jobs[e.runId];
    if (!j) return;
    set({ jobs: withJob(get().jobs, e.runId, { progress: nextProgress(j.progress, e.progress) }) });
  },
}));

/** The latest job of a kind (its view's), or null before the first. */
export function useLatestJob<K extends JobKind>(kind: K): Job<K> | null {
  return useJobsStore((s) => {
    const id = s.latest[kind];
    return id ? ((s.jobs[id] as Job<K> | undefined) ?? null) : null;
  });
}

export const isGoing = (j: Job | null | undefined): boolean =>
  j?.status === 'running' || j?.status === 'cancelling';

/** The job going on, if any (main runs one at a time). */
export function runningJob(): Job | undefined {
  return Object.values(useJobsStore.getState().jobs).find(isGoing);
}
