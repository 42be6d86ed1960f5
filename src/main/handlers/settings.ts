// Settings: the workspace's tagfit.json (the file cron reads too) and the app's own (theme).
import { TagfitError } from '../../core/errors';
import { resolveSettings } from '../../core/engine/presets';
import { openWorkspace, saveSettings } from '../../core/workspace/layout';
import { loadReportBranding } from '../../core/report/branding';
import { scoringOverrides } from '../../core/workspace/settings';
import type { AppSettingsView } from '../../shared/ipc-payloads';
import { type HandlerContext, requireWritable, workspaceView } from './context';
import type { DomainHandlers } from './types';

type Channels = 'settings:save-workspace' | 'settings:get-app' | 'settings:set-app';

function appView(ctx: HandlerContext): AppSettingsView {
  const a = ctx.s.appSettings.get();
  return {
    theme: a.theme,
    recentWorkspaces: a.recentWorkspaces,
    lastWorkspace: a.lastWorkspace,
    notice: ctx.s.appSettings.notice,
  };
}

export function createSettingsHandlers(ctx: HandlerContext): DomainHandlers<Channels> {
  return {
    async 'settings:save-workspace'({ settings }) {
      const open = requireWritable(ctx, 'save the settings');
      // The same check a run makes: settings a run would refuse are refused here, naming the field.
      resolveSettings(settings.preset, scoringOverrides(settings));
      // And a logo a run would refuse (outside the workspace, missing, not an image, too large).
      await loadReportBranding(open.ws.dir, settings.branding, open.ws.paths.settings);
      // Field by field over the file as it is now: a change synced from another computer is kept.
      const { keptAside } = await saveSettings(open.ws.dir, settings, { base: open.ws.settings });
      if (keptAside) ctx.s.log?.(`the damaged tagfit.json was kept as ${keptAside}`);
      const reopened = await openWorkspace(open.ws.dir).catch((e: unknown) => {
        throw e instanceof TagfitError ? e : new TagfitError('storage', String(e));
      });
      open.ws = reopened;
      return workspaceView(ctx, open);
    },
    async 'settings:get-app'() {
      return appView(ctx);
    },
    async 'settings:set-app'({ theme }) {
      ctx.s.appSettings.update({ theme });
      return appView(ctx);
    },
  };
}
