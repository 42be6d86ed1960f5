// This computer's identity in a shared workspace: a stable id (for file names it alone writes) and a readable name.
// Kept outside any synced folder, in the user's config folder; TAGFIT_DEVICE names the device instead (tests, CI).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir, hostname, userInfo } from 'node:os';
import path from 'node:path';

export interface Device {
  /** Safe in a file name on every file system: lower-case letters, digits and dashes, 3 to 48 characters. */
  id: string;
  /** For people: the host name, or the name TAGFIT_DEVICE gave. */
  name: string;
  /** The user's login name, when the system tells it. */
  user?: string;
}

type Env = Record<string, string | undefined>;

/** A name as a file-safe id; never two hex digits alone (those are the cache's shard folders). */
export function deviceSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (slug.length === 0) return 'device';
  return slug.length < 3 ? `device-${slug}` : slug;
}

export const DEVICE_ID = /^[a-z0-9](?:[a-z0-9-]{1,46})[a-z0-9]$/;

/** Where Tagfit keeps what belongs to this computer and user, never to a workspace. */
export function configDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TAGFIT_CONFIG_DIR) return path.resolve(env.TAGFIT_CONFIG_DIR);
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Tagfit');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Tagfit');
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'tagfit');
}

function loginName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

let cached: { key: string; device: Promise<Device> } | undefined;

/**
 * This device. The first call on a computer writes device.json in the config folder (a random suffix keeps two
 * laptops both called "MacBook-Pro" apart); when that folder cannot be written, the host name alone is used.
 */
export function thisDevice(env: Env = process.env): Promise<Device> {
  const key = `${env.TAGFIT_DEVICE ?? ''}\0${configDir(env)}`;
  if (cached?.key !== key) cached = { key, device: resolveDevice(env) };
  return cached.device;
}

async function resolveDevice(env: Env): Promise<Device> {
  const user = loginName();
  const named = env.TAGFIT_DEVICE?.trim();
  if (named) return { id: deviceSlug(named), name: named.slice(0, 80), user };
  const file = path.join(configDir(env), 'device.json');
  const read = async (): Promise<Device | undefined> => {
    try {
      const v = JSON.parse(await readFile(file, 'utf8')) as Partial<Device>;
      if (typeof v.id === 'string' && DEVICE_ID.test(v.id) && typeof v.name === 'string')
        return { id: v.id, name: v.name, user };
    } catch {
      // Missing or unreadable: made below.
    }
    return undefined;
  };
  const known = await read();
  if (known) return known;
  const name = hostname() || 'this computer';
  const made: Device = { id: `${deviceSlug(name).slice(0, 33)}-${randomBytes(3).toString('hex')}`, name };
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // 'wx': two Tagfit processes starting at once agree on the one written first.
    await writeFile(file, `${JSON.stringify({ ...made, created: new Date().toISOString() }, null, 2)}\n`, {
      flag: 'wx',
    });
    return { ...made, user };
  } catch {
    return (await read()) ?? { id: deviceSlug(name), name, user };
  }
}
