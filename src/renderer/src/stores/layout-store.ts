// The workbench's layout as the user left it: the side bar shown or hidden (Ctrl/Cmd+B) and its width, the panel's
// height (its shown/hidden state is the ui store's). Kept in the renderer's own storage, as VS Code keeps its own.
import { create } from 'zustand';

export const SIDE_BAR = { min: 170, max: 560, default: 240 } as const;
export const PANEL = { min: 90, max: 600, default: 190 } as const;

interface Layout {
  sideBarVisible: boolean;
  sideBarWidth: number;
  panelHeight: number;
}

interface LayoutState extends Layout {
  toggleSideBar(): void;
  setSideBarWidth(px: number): void;
  setPanelHeight(px: number): void;
}

const KEY = 'tagfit.layout';
const clamp = (x: number, r: { min: number; max: number }): number =>
  Math.round(Math.min(r.max, Math.max(r.min, x)));

function restored(): Layout {
  const fallback = { sideBarVisible: true, sideBarWidth: SIDE_BAR.default, panelHeight: PANEL.default };
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<Layout> | null;
    if (!saved) return fallback;
    return {
      sideBarVisible: saved.sideBarVisible !== false,
      sideBarWidth: clamp(Number(saved.sideBarWidth) || SIDE_BAR.default, SIDE_BAR),
      panelHeight: clamp(Number(saved.panelHeight) || PANEL.default, PANEL),
    };
  } catch {
    // Storage refused or a hand-edited value: the defaults.
    return fallback;
  }
}

export const useLayoutStore = create<LayoutState>((set, get) => {
  const save = (patch: Partial<Layout>): void => {
    set(patch);
    const { sideBarVisible, sideBarWidth, panelHeight } = get();
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ sideBarVisible, sideBarWidth, panelHeight }));
    } catch {
      // Storage refused: the layout holds for this session.
    }
  };
  return {
    ...restored(),
    toggleSideBar() {
      save({ sideBarVisible: !get().sideBarVisible });
    },
    setSideBarWidth(px) {
      save({ sideBarWidth: clamp(px, SIDE_BAR) });
    },
    setPanelHeight(px) {
      save({ panelHeight: clamp(px, PANEL) });
    },
  };
});
