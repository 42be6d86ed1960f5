// The keychain domain: the key is write-only from the renderer; it learns only where the key stands.
import { z } from 'zod';
import type { KeyState } from '../ipc-payloads';
import { empty } from './app';

export const keychainRequests = {
  'keychain:get-state': empty,
  'keychain:set-key': z.strictObject({ key: z.string().trim().min(8).max(512) }),
  /** One cheap call to the API (the region list) before the key is trusted. */
  'keychain:test-key': empty,
  'keychain:delete-key': empty,
} as const;

export interface KeychainResponses {
  'keychain:get-state': KeyState;
  'keychain:set-key': KeyState;
  'keychain:test-key': { ok: boolean; key: KeyState; message: string };
  'keychain:delete-key': KeyState;
}
