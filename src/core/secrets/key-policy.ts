// Where a run's TikLiveAPI key comes from, for the CLI and the app alike. Demo is a choice the user makes, never
// a fallback: no key is said as such, a keychain that fails is said as such, and a run without a key that does
// not need one (offline, from the cache) goes on.
import { TagfitError } from '../errors';
import type { Keychain } from './keychain';
import { Secret } from './secret';

export interface KeyRequest {
  /** The user chose the demo: the built-in simulator answers and no key is used. */
  demo: boolean;
  /** The run never calls the API, so it needs no key. */
  offline?: boolean;
  /** TIKLIVE_KEY, where the caller reads the environment (the CLI); it wins over the keychain. */
  env?: string;
  keychain: Keychain;
}

/**
 * The key for a run: undefined for a demo or an offline run without one. Throws TagfitError('input') when no
 * key is set anywhere or the keychain cannot be read and nothing else gives one (the message says which).
 */
export async function resolveApiKey(req: KeyRequest): Promise<Secret | undefined> {
  if (req.demo) return undefined;
  const fromEnv = req.env?.trim();
  if (fromEnv) return new Secret(fromEnv);
  let stored: Secret | undefined;
  try {
    stored = await req.keychain.get();
  } catch (e) {
    if (req.offline) return undefined;
    // No key to run with is a usage problem (exit 2 in the CLI); why the keychain gave none is said with it.
    throw new TagfitError(
      'input',
      `No TikLiveAPI key: TIKLIVE_KEY is not set, and ${(e as Error).message.replace(/^The system/, 'the system')}`,
      { keychainUnavailable: true },
      { cause: e },
    );
  }
  if (stored || req.offline) return stored;
  throw new TagfitError(
    'input',
    'No TikLiveAPI key: set TIKLIVE_KEY, store one in the OS keychain with `tagfit key set` (or in the app), or use the demo.',
  );
}
