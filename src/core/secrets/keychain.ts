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
    .catch((e: unknown) => new Error(`keytar did not load (${(e as Error).message})`));
  return loaded;
}

/** What to do without a keychain (the CLI and the browser preview read TIKLIVE_KEY). */
const KEYCHAIN_WAY_AROUND =
  'Give the key in the TIKLIVE_KEY environment variable instead (the command line and the browser preview read it), or start a keyring (GNOME Keyring, KWallet) and try again.';

/**
 * Why the keychain failed, in a person's words: never a module's name or a source path (the raw detail goes to the
 * error's details, for logs).
 */
export function keychainReason(detail: string): string {
  if (/keytar|Cannot find (package|module)|did not build|ERR_MODULE_NOT_FOUND|\.node\b/i.test(detail))
    return 'this copy of Tagfit was installed without its keychain support (it did not build here)';
  if (/IsLocked|locked/i.test(detail)) return 'the keyring is locked: unlock it and try again';
  if (/D-Bus|dbus|org\.freedesktop\.secrets|Secret Service|X11|\$DISPLAY|Could not connect/i.test(detail))
    return 'no keyring service (Secret Service) is running';
  // Anything else, with paths and module specifiers taken out.
  const plain = detail
    .replace(/(?:file:\/\/|[A-Za-z]:\\|\/)[^\s'"()]*/g, '…')
    .replace(/\s*imported from\s*…/g, '')
    .trim();
  return plain || 'it refused access';
}

/** Why the keychain failed, in words, with the way around it. */
export function keychainUnavailable(detail: string, cause?: unknown): TagfitError {
  return new TagfitError(
    'keychain',
    `The system keychain is not available on this machine: ${keychainReason(detail)}. ${KEYCHAIN_WAY_AROUND}`,
    { detail },
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
