// Recent workspaces reach the OS: its recent documents, the macOS Dock menu, the Windows jump list, and the
// File ▸ Open Recent menu, kept in step with the app's settings by wrapping the settings store.
import { app } from 'electron';
import type { AppSettingsStore } from '../services';
import { dockMenuTemplate, jumpListTemplate, newlyRecent, type MenuAction } from '../shell/menu-template';
import { buildMenu } from '../menu';

/** The store, telling the OS whenever the recent workspaces change (and once now). */
export function withOsRecents(
  store: AppSettingsStore,
  run: (a: MenuAction) => void,
  onChange: (recent: readonly string[]) => void,
): AppSettingsStore {
  const tell = (before: readonly string[], recent: readonly string[]): void => {
    for (const dir of newlyRecent(before, recent)) app.addRecentDocument(dir);
    if (process.platform === 'darwin') app.dock?.setMenu(buildMenu(dockMenuTemplate(recent), run));
    if (process.platform === 'win32') {
      // From a checkout the app path comes before the folder; packaged, the executable takes it alone.
      const leadingArgs = app.isPackaged ? [] : [app.getAppPath()];
      app.setJumpList(jumpListTemplate(recent, { program: process.execPath, leadingArgs }));
    }
    onChange(recent);
  };
  tell([], store.get().recentWorkspaces);
  return {
    get: () => store.get(),
    update(patch) {
      const before = store.get().recentWorkspaces;
      const after = store.update(patch);
      if (after.recentWorkspaces.join('\n') !== before.join('\n')) tell(before, after.recentWorkspaces);
      return after;
    },
    get notice() {
      return store.notice;
    },
    set notice(v) {
      store.notice = v;
    },
  };
}
