// The one IPC contract between the renderer and main: every invoke channel with its request schema and
// response type, and every event channel with its payload. Main, preload and renderer are typed from it.
import { z } from 'zod';
import type { ErrorInfo, RunProgress, RunResult } from './model';

import { weightsSchema } from './weights';

export { weightsSchema };

export const runRequestSchema = z.object({
  tags: z.array(z.string().min(1).max(200)).min(1).max(10_000),
  creators: z.array(z.string().min(1).max(100)).max(10_000),
  // Shape only: the items are validated (and named in errors) by the same rules as the CLI's lists.
  regions: z.array(z.string().min(1).max(20)).min(1).max(50),
  preset: z.enum(['seed', 'organic', 'paid']),
  weights: weightsSchema.partial().optional(),
  windowDays: z.number().int().min(1).max(365).optional(),
  keepCommercial: z.boolean().optional(),
  /** The user chose the demo (the screen says so): the simulator answers. Never a fallback for a missing key. */
  demo: z.boolean().optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

export interface AppStatus {
  hasKey: boolean;
  /** Without a key the app runs on the built-in simulator. */
  demo: boolean;
  /** Why the OS keychain cannot be used, or null. */
  keychainProblem: string | null;
  version: string;
}

export interface KeyStatus {
  hasKey: boolean;
}

export interface DemoLists {
  tags: string[];
  creators: string[];
  regions: string[];
}

const empty = z.object({}).strict();

/** Request schemas, validated in main before any handler runs. */
export const invokeRequestSchemas = {
  'app:get-status': empty,
  'keychain:set-key': z.object({ key: z.string().trim().min(8).max(512) }).strict(),
  'keychain:delete-key': empty,
  'lists:get-demo': empty,
  'run:start': runRequestSchema,
  'run:cancel': empty,
} as const;

export type InvokeChannel = keyof typeof invokeRequestSchemas;

export interface InvokeResponses {
  'app:get-status': AppStatus;
  'keychain:set-key': KeyStatus;
  'keychain:delete-key': KeyStatus;
  'lists:get-demo': DemoLists;
  'run:start': RunResult;
  'run:cancel': { cancelled: boolean };
}

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeRequestSchemas)[C]>;

/** Results, not thrown errors, cross IPC (Electron would keep only an error's message). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface EventPayloads {
  'run:progress': RunProgress;
}
export type EventChannel = keyof EventPayloads;

export const eventChannels: readonly EventChannel[] = ['run:progress'];
export const invokeChannels = Object.keys(invokeRequestSchemas) as InvokeChannel[];

/** What the preload exposes as `window.tagfit`. */
export interface TagfitBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<IpcResult<InvokeResponses[C]>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
