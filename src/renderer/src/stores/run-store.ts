// The run's state: the lists being edited, the preset, progress and the last result. Actions call main.
import { create } from 'zustand';
import type { PresetName, RunProgress, RunResult } from '../../../shared/model';
import type { AppStatus } from '../../../shared/ipc-contract';
import { invoke, on } from '../bridge';

interface RunState {
  status: AppStatus | null;
  tags: string;
  creators: string;
  regions: string;
  preset: PresetName;
  running: boolean;
  progress: RunProgress | null;
  result: RunResult | null;
  region: string | null;
  error: string | null;
  load(): Promise<void>;
  setField(field: 'tags' | 'creators' | 'regions', value: string): void;
  setPreset(p: PresetName): void;
  setRegion(r: string): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  saveKey(key: string): Promise<void>;
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);

export const useRunStore = create<RunState>((set, get) => ({
  status: null,
  tags: '',
  creators: '',
  regions: '',
  preset: 'organic',
  running: false,
  progress: null,
  result: null,
  region: null,
  error: null,
  async load() {
    try {
      const [status, demo] = await Promise.all([invoke('app:get-status', {}), invoke('lists:get-demo', {})]);
      set({
        status,
        tags: demo.tags.join('\n'),
        creators: demo.creators.join('\n'),
        regions: demo.regions.join('\n'),
      });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  setField: (field, value) => set({ [field]: value } as Pick<RunState, typeof field>),
  setPreset: (preset) => set({ preset }),
  setRegion: (region) => set({ region }),
  async start() {
    const { tags, creators, regions, preset, status } = get();
    set({ running: true, error: null, progress: null });
    const off = on('run:progress', (progress) => set({ progress }));
    try {
      const result = await invoke('run:start', {
        tags: lines(tags),
        creators: lines(creators),
        regions: lines(regions),
        preset,
        // Demo only when the screen says demo (no key stored); a key that cannot be read is an error.
        demo: status?.demo === true,
      });
      set({ result, region: Object.keys(result.regions)[0] ?? null });
    } catch (e) {
      set({ error: (e as Error).message });
    } finally {
      off();
      set({ running: false });
    }
  },
  async cancel() {
    await invoke('run:cancel', {});
  },
  async saveKey(key) {
    try {
      const r = await invoke('keychain:set-key', { key });
      set((s) => ({ status: s.status ? { ...s.status, hasKey: r.hasKey, demo: !r.hasKey } : s.status }));
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
