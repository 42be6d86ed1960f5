// The channel names alone, without the schema library: the preload bundles this, not zod. The contract
// (ipc-contract.ts) checks at compile time that these lists and its schemas name the same channels.
import type { EventChannel, InvokeChannel } from '../ipc-contract';

export const INVOKE_CHANNELS = [
  'app:get-status',
  'keychain:get-state',
  'keychain:set-key',
  'keychain:test-key',
  'keychain:delete-key',
  'workspace:create',
  'workspace:open',
  'workspace:open-demo',
  'workspace:close',
  'workspace:get',
  'workspace:recent',
  'lists:check',
  'lists:save',
  'lists:regions',
  'settings:save-workspace',
  'settings:get-app',
  'settings:set-app',
  'run:estimate',
  'run:start',
  'run:cancel',
  'run:rescore',
  'run:retry-failed',
  'results:get-last',
  'results:sample',
  'history:list',
  'history:compare',
  'history:tag',
  'decode:competitors',
  'creator-fit:run',
  'track:run',
  'discover:suggest',
  'discover:pick',
  'watch:status',
  'watch:record',
  'watch:dismiss',
  'reports:export',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = [
  'run:progress',
  'run:partial',
  'app:command',
] as const satisfies readonly EventChannel[];
