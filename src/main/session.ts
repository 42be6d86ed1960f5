// What main holds between calls: the open workspace (with its lock and its cache), the runs going on (by id),
// and the last run's samples, so a re-score with other weights costs no call and no file read.
import { TagfitError } from '../core/errors';
import type { RegionCode } from '../shared/model';
import type { RunOutcome } from '../shared/ipc-payloads';
import type { Equivalent } from '../shared/localize';
import type { SamplesInHand } from '../core/job/rescore';
import type { FileCache } from '../core/workspace/cache';
import type { Workspace } from '../core/workspace/layout';
import type { WorkspaceLock } from '../core/workspace/lock';

export interface OpenWorkspace {
  ws: Workspace;
  demo: boolean;
  readOnly: boolean;
  heldBy: string | null;
  lock?: WorkspaceLock;
  /** One cache per open workspace: what it read stays known between runs. */
  cache?: FileCache;
}

export interface LastRun extends SamplesInHand {
  outcome: RunOutcome;
  regionNames: Record<RegionCode, string>;
  /** The target creators the run was scored with (the detail view marks their posts). */
  targets: ReadonlySet<string>;
  /** The workspace's sampled local variants when the run was made: its tag sets post with one that outscores. */
  localised?: readonly Equivalent[];
  /** Settles when a re-score's intervals have reached `outcome` (or failed): what exports wait for. */
  intervals?: Promise<void>;
}

export interface RunningJob {
  controller: AbortController;
}

export class AppSession {
  current: OpenWorkspace | undefined;
  readonly running = new Map<string, RunningJob>();
  last: LastRun | undefined;
  /** TikLiveAPI refused the key in a run or a test since it was last set. */
  keyRejected = false;
  private counter = 0;

  newRunId(): string {
    this.counter += 1;
    return `run-${Date.now().toString(36)}-${this.counter}`;
  }

  /** Runs `job` registered under its id while it goes (cancel takes the id); one run at a time. */
  async withRun<T>(
    runId: string | undefined,
    job: (id: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (this.running.size > 0)
      throw new TagfitError('input', 'A run is already going: cancel it or wait for it to finish.');
    const id = runId ?? this.newRunId();
    const controller = new AbortController();
    this.running.set(id, { controller });
    try {
      return await job(id, controller.signal);
    } finally {
      this.running.delete(id);
    }
  }

  /** Stops every run going on (closing a workspace, quitting): each keeps what it fetched. */
  stopAll(): void {
    for (const r of this.running.values()) r.controller.abort();
  }
}
