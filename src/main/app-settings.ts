// The app's own settings: one schema, one migration path, and a damaged file kept aside (never silently
// wiped). Electron keeps them in electron-store (electron-settings.ts); the browser preview and the tests in a
// JSON file through the same schema and migrations.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../core/storage/atomic-write';
import type { AppSettingsData, AppSettingsStore } from './services';

export const appSettingsSchema = z.object({
  version: z.literal(1),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  recentWorkspaces: z.array(z.string()).max(20).default([]),
  lastWorkspace: z.string().nullable().default(null),
  exportDirs: z.record(z.string(), z.string()).default({}),
  window: z
    .object({
      width: z.number().int().min(400).max(20_000),
      height: z.number().int().min(300).max(20_000),
      x: z.number().int().optional(),
      y: z.number().int().optional(),
      maximized: z.boolean(),
    })
    .default({ width: 1280, height: 820, maximized: false }),
});

export const defaultAppSettings = (): AppSettingsData => appSettingsSchema.parse({ version: 1 });

/**
 * Older files to the current shape. Version 0 (Tagfit 0.1) held `{ preset, window: { width, height } }`:
 * the preset now lives in each workspace, the window gains `maximized`.
 */
export function migrateAppSettings(raw: unknown): AppSettingsData {
  const v = (raw ?? {}) as Record<string, unknown>;
  if (v.version === undefined) {
    const w = v.window as { width?: number; height?: number } | undefined;
    return appSettingsSchema.parse({
      version: 1,
      ...(w?.width && w.height ? { window: { width: w.width, height: w.height, maximized: false } } : {}),
    });
  }
  return appSettingsSchema.parse(v);
}

/** Most recent first, each once, at most 10. */
export const withRecent = (recent: readonly string[], dir: string): string[] =>
  [dir, ...recent.filter((d) => path.resolve(d) !== path.resolve(dir))].slice(0, 10);

/** The file store, with a way to wait for the writes it has queued (tests, a clean stop). */
export interface FileSettingsStore extends AppSettingsStore {
  flushed(): Promise<void>;
}

/**
 * A JSON-file store (browser preview, tests). Writes are atomic, into a folder created if missing; a damaged file
 * is kept aside and said; a write that fails is said through the notice (the settings stay in memory).
 */
export function createFileSettingsStore(file: string): FileSettingsStore {
  let notice: string | null = null;
  let data: AppSettingsData;
  if (!existsSync(file)) data = defaultAppSettings();
  else {
    try {
      data = migrateAppSettings(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      const aside = `${file}.damaged-${Date.now()}`;
      renameSync(file, aside);
      notice = `The app's settings file ${file} was damaged (${(e as Error).message.split('\n')[0]}); it was kept as ${aside} and the defaults are used.`;
      data = defaultAppSettings();
    }
  }
  let saving: Promise<void> = Promise.resolve();
  return {
    get: () => data,
    update(patch) {
      data = appSettingsSchema.parse({ ...data, ...patch });
      const text = `${JSON.stringify(data, null, 2)}\n`;
      saving = saving.then(async () => {
        try {
          await mkdir(path.dirname(file), { recursive: true });
          await atomicWrite(file, text);
        } catch (e) {
          notice = `The app's settings could not be saved to ${file} (${(e as Error).message.split('\n')[0]}); they hold until the preview stops.`;
        }
      });
      return data;
    },
    flushed: () => saving,
    get notice() {
      return notice;
    },
    set notice(v) {
      notice = v;
    },
  };
}
