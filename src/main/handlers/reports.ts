// Export of the last run's reports (Markdown with charts and a summary, CSV, HTML) to the workspace's reports/ or a chosen folder,
// remembered per workspace. The same files, names and writer as the CLI's.
import { TagfitError } from '../../core/errors';
import { isPartialRun } from '../../core/job/score-job';
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
      const files = reportFiles(result, {
        regionNames: last.regionNames,
        formats: formats ?? REPORT_FORMATS,
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
