// App settings (window size, last preset) in electron-store, behind a small interface. A damaged file is
// set aside and reported, never silently wiped.
import { renameSync } from 'node:fs';
import Store from 'electron-store';

export interface AppSettings {
  preset: 'seed' | 'organic' | 'paid';
  window: { width: number; height: number };
}

const defaults: AppSettings = { preset: 'organic', window: { width: 1280, height: 820 } };

export function openAppSettings(onProblem: (message: string) => void): {
  get<K extends keyof AppSettings>(k: K): AppSettings[K];
  set<K extends keyof AppSettings>(k: K, v: AppSettings[K]): void;
} {
  const open = (): Store<AppSettings> =>
    new Store<AppSettings>({ name: 'settings', defaults, clearInvalidConfig: false });
  let store: Store<AppSettings>;
  try {
    store = open();
  } catch (e) {
    const probe = new Store<AppSettings>({ name: 'settings-probe' });
    const bad = probe.path.replace(/settings-probe\.json$/, 'settings.json');
    const aside = `${bad}.damaged-${Date.now()}`;
    renameSync(bad, aside);
    onProblem(
      `Settings file ${bad} was damaged (${(e as Error).message}); kept as ${aside}, starting from defaults.`,
    );
    store = open();
  }
  return { get: (k) => store.get(k), set: (k, v) => store.set(k, v) };
}
