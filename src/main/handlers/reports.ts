// Export of the last run's reports (Markdown with charts and a summary, CSV, HTML, PDF), branded, to the workspace's
// reports/ or a chosen folder, remembered per workspace: the same files, names and writer as the CLI's. The export
// says what it wrote (a line per file, a summary, a notification) and can open its folder or report through main.
import { TagfitError } from '../../core/errors';
import { isPartialRun } from '../../core/job/score-job';
import { loadReportBranding } from '../../core/report/branding';
import { describeExport } from '../../core/report/export-summary';
import { readLedger, summariseLedger } from '../../core/ledger/credit-ledger';
import { reportFiles } from '../../core/report/files';
import { REPORT_FORMATS } from '../../shared/report-formats';
import { writeReports } from '../../core/report/write';
import { type HandlerContext, requireWorkspace } from './context';
import { exportFolder } from './folder-choice';
import type { DomainHandlers } from './types';

export function createReportsHandlers(
  ctx: HandlerContext,
): DomainHandlers<'reports:export' | 'reports:open'> {
  /** The last export's folder and report: the only paths reports:open will open. */
  let exported: { dir: string; report: string | null } | undefined;
  return {
    async 'reports:export'({ dir, formats, pick }) {
      const open = requireWorkspace(ctx);
      // A folder the renderer names must be one picked before (the app) or an absolute path (the preview).
      const folder = await exportFolder(ctx, open, { dir, pick }, 'Export the reports');
      // A re-score's intervals still coming are part of what is exported: wait for them.
      await ctx.session.last?.intervals;
      const last = ctx.session.last;
      if (!last) throw new TagfitError('input', 'There is nothing to export yet: run first.');
      const target = await folder.choose();
      if (target === null) return null;
      const result = last.outcome.result;
      // The workspace's branding as it is now, logo read and checked: every format carries it.
      const branding = await loadReportBranding(
        open.ws.dir,
        open.ws.settings.branding,
        open.ws.paths.settings,
      );
      // Every format by default; PDF only where the shell can print one.
      const asked = formats ?? REPORT_FORMATS.filter((f) => f !== 'pdf' || ctx.s.pdf !== undefined);
      const files = reportFiles(result, {
        regionNames: last.regionNames,
        formats: asked,
        branding,
        pdf: ctx.s.pdf,
        partial: isPartialRun(result),
        targetCount: last.targets.size,
        samples: last.data,
        // What the workspace spent this week, every job and device: the summary says it.
        ledger: summariseLedger(await readLedger(open.ws.paths.data), ctx.s.clock().getTime()),
      });
      const written = await writeReports(target, files);
      folder.remember(target);
      const said = describeExport(target, written, {
        regions: Object.keys(result.regions).length,
        formats: asked,
      });
      exported = { dir: target, report: said.report };
      ctx.s.notifier.notify({ title: 'Reports exported', body: said.summary, view: 'results' });
      return { dir: target, written: written.map((w) => w.path), ...said };
    },

    async 'reports:open'({ what }) {
      if (!exported)
        throw new TagfitError('input', 'Nothing was exported yet in this session: export first.');
      const target = what === 'folder' ? exported.dir : exported.report;
      if (!target) throw new TagfitError('not-found', 'This export wrote no report file to open.');
      if (!ctx.s.opener)
        throw new TagfitError('input', `This shell cannot open files: the ${what} is ${target}.`);
      const problem = await ctx.s.opener.openPath(target);
      if (problem) throw new TagfitError('storage', `Could not open ${target}: ${problem}`);
      return { opened: target };
    },
  };
}
