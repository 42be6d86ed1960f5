// Export of the last run's reports (Markdown with charts and a summary, CSV, HTML, PDF), branded, to the workspace's reports/ or a chosen folder,
// remembered per workspace. The same files, names and writer as the CLI's.
import { TagfitError } from '../../core/errors';
import { isPartialRun } from '../../core/job/score-job';
import { loadReportBranding } from '../../core/report/branding';
import { reportFiles } from '../../core/report/files';
import { REPORT_FORMATS } from '../../shared/report-formats';
import { checkReportDir, writeReports } from '../../core/report/write';
import { type HandlerContext, requireWorkspace } from './context';
import { namedFolder } from './folder-choice';
import type { DomainHandlers } from './types';

export function createReportsHandlers(ctx: HandlerContext): DomainHandlers<'reports:export'> {
  return {
    async 'reports:export'({ dir, formats, pick }) {
      const open = requireWorkspace(ctx);
      const remembered = ctx.s.appSettings.get().exportDirs;
      // A folder the renderer names must be one picked before (the app) or an absolute path (the preview).
      const named =
        dir === undefined
          ? undefined
          : namedFolder(
              ctx,
              dir,
              [...Object.values(remembered), open.ws.paths.reports],
              'Export the reports',
            );
      const last = ctx.session.last;
      if (!last) throw new TagfitError('input', 'There is nothing to export yet: run first.');
      const chosen = pick && !named ? await ctx.s.dialogs.pickFolder('Export the reports to…') : named;
      if (pick && !named && chosen === null) return null;
      const target = chosen ?? remembered[open.ws.dir] ?? open.ws.paths.reports;
      await checkReportDir(target);
      const result = last.outcome.result;
      // The workspace's branding as it is now, logo read and checked: every format carries it.
      const branding = await loadReportBranding(
        open.ws.dir,
        open.ws.settings.branding,
        open.ws.paths.settings,
      );
      const files = reportFiles(result, {
        regionNames: last.regionNames,
        // Every format by default; PDF only where the shell can print one.
        formats: formats ?? REPORT_FORMATS.filter((f) => f !== 'pdf' || ctx.s.pdf !== undefined),
        branding,
        pdf: ctx.s.pdf,
        partial: isPartialRun(result),
        targetCount: last.targets.size,
        samples: last.data,
      });
      const written = await writeReports(target, files);
      if (chosen) ctx.s.appSettings.update({ exportDirs: { ...remembered, [open.ws.dir]: chosen } });
      return { dir: target, written: written.map((w) => w.path) };
    },
  };
}
