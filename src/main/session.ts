// What main holds between calls: the open workspace (with its lock and its cache), the runs going on (by id),
// and the last run's samples, so a re-score with other weights costs no call and no file read.
import type { RegionCode, RunResult } from '../shared/model';
import type { RunJob, RunOutcome } from '../shared/views';
import type { RunSamples } from '../core/pipeline/run';
import type { FileCache } from '../core/workspace/cache';
import type { StoredRun } from '../core/workspace/history';
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

export interface LastRun {
  outcome: RunOutcome;
  data: RunSamples;
  regionNames: Record<RegionCode, string>;
  /** The recorded run the last one was compared with (momentum of a re-score is against the same run). */
  previous?: StoredRun;
  /** The target creators the run was scored with (the detail view marks their posts). */
  targets: ReadonlySet<string>;
  /** The samples were fetched with these: a re-score with other pages needs the network. */
  sampling: { pages: number; pageSize: number };
  raw: RunResult;
}

export interface RunningJob {
  controller: AbortController;
  job: RunJob;
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

  /** Stops every run going on (closing a workspace, quitting): each keeps what it fetched. */
  stopAll(): void {
    for (const r of this.running.values()) r.controller.abort();
  }
}
