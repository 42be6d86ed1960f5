// The app's settings in electron-store, through the one schema and migration of app-settings.ts. A damaged file
// is kept aside (electron-store throws at start-up rather than wipe it) and the user is told once.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { defaultAppSettings, migrateAppSettings } from './app-settings';
import type { AppSettingsData, AppSettingsStore } from './services';

export function openElectronSettings(): AppSettingsStore {
  const file = path.join(app.getPath('userData'), 'settings.json');
  const open = (): Store<AppSettingsData> =>
    new Store<AppSettingsData>({
      name: 'settings',
      clearInvalidConfig: false,
      defaults: defaultAppSettings(),
    });
  let notice: string | null = null;
  let store: Store<AppSettingsData>;
  let data: AppSettingsData;
  try {
    store = open();
    data = migrateAppSettings(store.store);
  } catch (e) {
    const aside = `${file}.damaged-${Date.now()}`;
    try {
      renameSync(file, aside);
    } catch {
      // Nothing to keep aside.
    }
    notice = `The app's settings file ${file} was damaged (${(e as Error).message.split('\n')[0]}); it was kept as ${aside} and the defaults are used.`;
    store = open();
    data = defaultAppSettings();
  }
  store.store = data;
  return {
    get: () => data,
    update(patch) {
      data = migrateAppSettings({ ...data, ...patch });
      store.store = data;
      return data;
    },
    get notice() {
      return notice;
    },
    set notice(v) {
      notice = v;
    },
  };
}
