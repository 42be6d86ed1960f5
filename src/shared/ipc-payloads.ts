// What main sends over the contract: the answers of its channels and the payloads of its events. Plain types, no
// behaviour; the requests' schemas are in ipc/<domain>.ts.
import type { RegionPicks } from './discover';
import type { CreditEstimate } from './estimate';
import type { ListName } from './scoring-registry';
import type {
  ErrorInfo,
  FailedTag,
  PresetName,
  RegionCode,
  RegionResult,
  RunProgress,
  RunResult,
  ScoreConfidence,
  ScoringSettings,
  Weights,
} from './model';
import type { WorkspaceSettings } from './workspace-settings';

/** Where the key stands. Never the key itself. */
export interface KeyState {
  state: 'set' | 'not-set' | 'rejected' | 'unavailable';
  /** Where the key comes from when set: the OS keychain, or TIKLIVE_KEY (the browser preview, cron). */
  source: 'keychain' | 'env' | null;
  /** The state in words, for the status bar and the key dialog. */
  message: string;
}

export type { ListName } from './scoring-registry';

export interface WorkspaceView {
  dir: string;
  /** The folder's name, for titles and the status bar. */
  name: string;
  /** The built-in demo workspace: simulated data, said on screen. */
  demo: boolean;
  /** Opened while another Tagfit holds it: nothing can be saved or run. */
  readOnly: boolean;
  /** Who holds the workspace when it was opened read-only. */
  heldBy: string | null;
  settings: WorkspaceSettings;
  /** The scoring the workspace's settings resolve to (its preset with its overrides). */
  scoring: ScoringSettings;
  /** The preset's own scoring, before the workspace's overrides (what an empty field means). */
  presetScoring: ScoringSettings;
  /** Each preset's own weights, for the preset picker. */
  presetWeights: Record<PresetName, Weights>;
  lists: Record<ListName, string[]>;
  /** A list's rows as last typed, where some are refused (its draft beside the list file): the editor shows these. */
  drafts?: Partial<Record<ListName, string[]>>;
  reportsDir: string;
  /** Where "Export reports" writes by default (remembered per workspace). */
  exportDir: string;
}

/** A list checked by the engine's rules: the values kept, duplicates merged, and each bad item with its reason. */
export interface ListCheck {
  list: ListName;
  values: string[];
  merged: { value: string; items: number[] }[];
  /** `item` is 1-based, in the order given. */
  errors: { item: number; value: string; reason: string }[];
}

/** How a run ended. */
export type RunEnd =
  'finished' | 'stopped-by-user' | 'stopped-by-budget' | 'stopped-by-rejected-key' | 'stopped-offline';

export type RunJob = 'score' | 'decode' | 'creator-fit' | 'track';

/** A progress event of one run. */
export interface RunEvent {
  runId: string;
  job: RunJob;
  progress: RunProgress;
}

export interface RunPartial {
  runId: string;
  /** The scored pairs so far, ranked among themselves (scores settle when the run ends). */
  regions: Record<string, RegionResult>;
  done: number;
  total: number;
}

export interface RunOutcome {
  runId: string;
  ended: RunEnd;
  /** The end in words: what stopped it and what was kept. */
  summary: string;
  /** The run with its ranked rows whole: every field of shared/scored-row.ts reaches the app. */
  result: RunResult;
  /** Pairs that failed, with their reasons (also in result.failed). */
  failed: FailedTag[];
  /** The run only re-scored what the cache held (other weights, window, preset): no call was made. */
  rescore: boolean;
  /** Report files written (absolute paths). */
  written: string[];
  partial: boolean;
  reportError: ErrorInfo | null;
  historyError: ErrorInfo | null;
  /** Milliseconds the handler took, start to end. */
  ms: number;
  /** A re-score answers with its ranks and scores at once and its intervals after: while this is set, the rows
   * have no confidence yet and a `run:intervals` event with this generation brings it (none comes for a
   * generation a newer re-score replaced). */
  intervalsPending?: number;
  /** The tag set to post with per region, picked from this very ranking (absent while a run is going). */
  tagSets?: RegionPicks[];
  /** Set when these results are a recorded run opened again from the history (scored from the cache). */
  reopened?: { id: string; now: string };
}

export interface AppSettingsView {
  theme: 'system' | 'light' | 'dark';
  recentWorkspaces: string[];
  lastWorkspace: string | null;
  /** Set when the settings file was damaged and kept aside: said once, to the user. */
  notice: string | null;
}

export interface AppStatus {
  version: string;
  /** 'electron' in the app, 'web' in the browser preview (native dialogs become path fields). */
  shell: 'electron' | 'web';
  key: KeyState;
  workspace: WorkspaceView | null;
  /** The app's clock (ISO): the real time, or the one fixed with --now. */
  now: string;
}

export type { CreditEstimate };

/** A command from the application menu, run by the renderer as its command palette runs it (keybindings.ts). */
export type { CommandId as AppCommand } from './keybindings';

/** The intervals and rank ranges of a re-score (`RunOutcome.intervalsPending`), each ranked tag's by candidate. */
export interface RunIntervals {
  runId: string;
  generation: number;
  regions: Record<RegionCode, Record<string, ScoreConfidence>>;
  /** Set when they could not be computed (the rows then stay without a confidence). */
  error?: ErrorInfo;
  /** The tag sets picked from the re-scored ranking (RunOutcome.tagSets), which come with the intervals. */
  tagSets?: RegionPicks[];
  /** Some regions' intervals, sent as each is computed; the last event of a generation has every region and no
   * `partial`. */
  partial?: boolean;
}
