// The branding part of Settings: the report header's preview (main reads the logo and answers a data: URL) and
// choosing the logo file (the app's dialog; the preview takes a typed path). Only the newest preview is kept.
import { create } from 'zustand';
import type { Branding, BrandingPreview } from '../../../shared/branding';
import { explain, invoke } from '../bridge';
import { useUiStore } from './ui-store';

interface BrandingState {
  preview: BrandingPreview | null;
  /** Why the draft cannot be previewed (an accent that is not a colour yet, say), or null. */
  problem: string | null;
  refresh(branding: Branding): Promise<void>;
  /** The logo as tagfit.json will name it, or null when the dialog was cancelled or the file refused. */
  pickLogo(file?: string): Promise<string | null>;
}

let asked = 0;

export const useBrandingStore = create<BrandingState>((set) => ({
  preview: null,
  problem: null,
  async refresh(branding) {
    const mine = (asked += 1);
    try {
      const preview = await invoke('branding:preview', { branding });
      if (mine === asked) set({ preview, problem: preview.problem });
    } catch (e) {
      if (mine === asked) set({ problem: explain(e).detail });
    }
  },
  async pickLogo(file) {
    try {
      const r = await invoke('branding:pick-logo', file === undefined ? {} : { file });
      return r?.logo ?? null;
    } catch (e) {
      useUiStore.getState().report('Choosing the logo', e);
      return null;
    }
  },
}));
