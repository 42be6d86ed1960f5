// The OS keychain entry that holds the TikLiveAPI key, shared by the app and the CLI.
// keytar is an optional native dependency: it is loaded lazily and its absence is a plain answer, not a crash.
import { TagfitError } from '../errors';
import { Secret } from './secret';

export const KEYCHAIN_SERVICE = 'tagfit';
export const KEYCHAIN_ACCOUNT = 'tiklive-api-key';

interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface Keychain {
  /** Why the keychain cannot be used, or null when it can. */
  unavailable(): Promise<string | null>;
  get(): Promise<Secret | undefined>;
  set(key: Secret): Promise<void>;
  delete(): Promise<boolean>;
}

let loaded: Promise<KeytarLike | Error> | undefined;

async function loadKeytar(): Promise<KeytarLike | Error> {
  // A computed specifier: keytar is optional, so neither TypeScript nor a bundler may insist on finding it.
  const specifier = 'keytar';
  loaded ??= import(/* @vite-ignore */ specifier)
    .then((m) => ((m as { default?: KeytarLike }).default ?? (m as unknown as KeytarLike)) as KeytarLike)
    .catch(
      (e: unknown) =>
        new Error(`the keytar module is not installed or did not build (${(e as Error).message})`),
    );
  return loaded;
}

/** Why the keychain failed, in words, with the way around it. */
export function keychainUnavailable(detail: string, cause?: unknown): TagfitError {
  const why = /D-Bus|dbus|org\.freedesktop\.secrets|Secret Service/i.test(detail)
    ? `no Secret Service is running (${detail})`
    : detail;
  return new TagfitError(
    'keychain',
    `OS keychain unavailable: ${why}. Give the key in the TIKLIVE_KEY environment variable instead, or start a keyring (gnome-keyring, KWallet).`,
    {},
    { cause },
  );
}

/** The system keychain through keytar; every failure is TagfitError('keychain') saying what is missing. */
export function createSystemKeychain(service = KEYCHAIN_SERVICE, account = KEYCHAIN_ACCOUNT): Keychain {
  const withKeytar = async <T>(fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    const k = await loadKeytar();
    if (k instanceof Error) throw keychainUnavailable(k.message);
    try {
      return await fn(k);
    } catch (e) {
      throw keychainUnavailable((e as Error).message, e);
    }
  };
  return {
    async unavailable() {
      try {
        await withKeytar((k) => k.getPassword(service, '__probe__'));
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    },
    async get() {
      const v = await withKeytar((k) => k.getPassword(service, account));
      return v ? new Secret(v) : undefined;
    },
    async set(key) {
      await withKeytar((k) => k.setPassword(service, account, key.reveal()));
    },
    async delete() {
      return withKeytar((k) => k.deletePassword(service, account));
    },
  };
}

/** A keychain held in memory (tests, and the demo when no OS keychain exists). */
export function createMemoryKeychain(initial?: string): Keychain {
  let value = initial;
  return {
    unavailable: async () => null,
    get: async () => (value ? new Secret(value) : undefined),
    set: async (key) => {
      value = key.reveal();
    },
    delete: async () => {
      const had = value !== undefined;
      value = undefined;
      return had;
    },
  };
}
