// The one IPC contract between the renderer and main, joined from one part per domain (src/shared/ipc/*):
// every invoke channel with its request schema and response type, and every event channel with its payload.
// Main, preload and renderer are typed from it; channel names alone live in ipc/channels.ts (no zod).
import type { z } from 'zod';
import type { ErrorInfo } from './model';
import type { AppCommand, RunEvent, RunIntervals, RunPartial } from './ipc-payloads';
import { type AppNotice, type AppResponses, appRequests, type ShellView } from './ipc/app';
import { type BrandingResponses, brandingRequests } from './ipc/branding';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './ipc/channels';
import { type CreatorFitResponses, creatorFitRequests } from './ipc/creator-fit';
import { type DecodeResponses, decodeRequests } from './ipc/decode';
import { type DiscoverResponses, discoverRequests } from './ipc/discover';
import { type HistoryResponses, historyRequests } from './ipc/history';
import { type KeychainResponses, keychainRequests } from './ipc/keychain';
import { type ListsResponses, listsRequests } from './ipc/lists';
import { type LocalizeResponses, localizeRequests } from './ipc/localize';
import { type PlanResponses, planRequests } from './ipc/plan';
import { type ReportsResponses, reportsRequests } from './ipc/reports';
import { type ResultsResponses, resultsRequests } from './ipc/results';
import { type RunResponses, runRequests } from './ipc/run';
import { type SettingsResponses, settingsRequests } from './ipc/settings';
import { type TrackResponses, trackRequests } from './ipc/track';
import { type WatchResponses, watchRequests } from './ipc/watch';
import { type WorkspaceResponses, workspaceRequests } from './ipc/workspace';

/** Request schemas, validated in main before any handler runs. */
export const invokeRequestSchemas = {
  ...appRequests,
  ...keychainRequests,
  ...workspaceRequests,
  ...listsRequests,
  ...settingsRequests,
  ...brandingRequests,
  ...runRequests,
  ...resultsRequests,
  ...historyRequests,
  ...decodeRequests,
  ...creatorFitRequests,
  ...trackRequests,
  ...discoverRequests,
  ...reportsRequests,
  ...watchRequests,
  ...planRequests,
  ...localizeRequests,
} as const;

export type InvokeChannel = keyof typeof invokeRequestSchemas;

export type InvokeResponses = AppResponses &
  KeychainResponses &
  WorkspaceResponses &
  ListsResponses &
  SettingsResponses &
  BrandingResponses &
  RunResponses &
  ResultsResponses &
  HistoryResponses &
  DecodeResponses &
  CreatorFitResponses &
  TrackResponses &
  DiscoverResponses &
  ReportsResponses &
  WatchResponses &
  PlanResponses &
  LocalizeResponses;

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeRequestSchemas)[C]>;
export type ParsedRequest<C extends InvokeChannel> = z.output<(typeof invokeRequestSchemas)[C]>;

/** Results, not thrown errors, cross IPC (Electron would keep only an error's message). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface EventPayloads {
  'run:progress': RunEvent;
  /** A command from the application menu (Electron only). */
  'app:command': { command: AppCommand };
  /** The pairs of a run scored so far, ranked among themselves: results fill in as they arrive. */
  'run:partial': RunPartial;
  /** A re-score's intervals and rank ranges, after its ranks and scores (RunOutcome.intervalsPending). */
  'run:intervals': RunIntervals;
  /** Open a view (a click on a notification sent by main). */
  'app:open-view': { view: ShellView };
  /** Open this workspace (a second launch, the dock menu or a jump list named it; main has recorded it as picked). */
  'app:open-workspace': { dir: string };
  /** A line for the workbench's output from the shell (a reload after a crash; the preview's notifications). */
  'app:notice': AppNotice;
}
export type EventChannel = keyof EventPayloads;

// Every schema has a response type and a name in channels.ts, and the other way round (compile-time checks).
type Missing<A, B> = Exclude<A, B> extends never ? true : ['missing', Exclude<A, B>];
const _namesCoverSchemas: Missing<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> = true;
const _schemasCoverNames: Missing<(typeof INVOKE_CHANNELS)[number], InvokeChannel> = true;
const _responsesCoverSchemas: Missing<InvokeChannel, keyof InvokeResponses> = true;
const _schemasCoverResponses: Missing<keyof InvokeResponses, InvokeChannel> = true;
const _eventsCovered: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> = true;
const _eventNamesCovered: Missing<(typeof EVENT_CHANNELS)[number], EventChannel> = true;
void [
  _namesCoverSchemas,
  _schemasCoverNames,
  _responsesCoverSchemas,
  _schemasCoverResponses,
  _eventsCovered,
  _eventNamesCovered,
];

export const invokeChannels: readonly InvokeChannel[] = INVOKE_CHANNELS;

/** What the preload exposes as `window.tagfit`. */
export interface TagfitBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<IpcResult<InvokeResponses[C]>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
