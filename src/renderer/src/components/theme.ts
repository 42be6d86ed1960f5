// Light and dark: the app follows the OS unless the user chose one; AG Grid gets the matching theme.
import { colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { useWorkspaceStore } from '../stores/workspace-store';

const base = themeQuartz.withParams({
  fontSize: 12,
  rowHeight: 26,
  headerHeight: 28,
  spacing: 5,
  borderRadius: 2,
  wrapperBorderRadius: 0,
  fontFamily: 'inherit',
  // Denser cells (7 px each side, not 10), as VS Code's tables: the Results grid's twelve columns fit 1440 px.
  cellHorizontalPaddingScale: 0.7,
});
export const GRID_THEMES = {
  light: base.withPart(colorSchemeLight),
  dark: base
    .withPart(colorSchemeDark)
    .withParams({ backgroundColor: '#1f1f1f', headerBackgroundColor: '#252526' }),
};

/**
 * The ARIA grid pattern for every grid: one Tab stop (Tab and Shift+Tab leave the grid), the arrows, Home, End and
 * Page keys move inside it. AG Grid's default makes every cell and header a Tab stop: hundreds on a results grid.
 */
export const GRID_KEYBOARD = { tabToNextCell: () => false, tabToNextHeader: () => false } as const;

/** The theme showing now: the user's choice, else the OS's. */
export function useTheme(): 'light' | 'dark' {
  const choice = useWorkspaceStore((s) => s.app?.theme ?? 'system');
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [osDark, setOsDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent): void => setOsDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return choice === 'system' ? (osDark ? 'dark' : 'light') : choice;
}
