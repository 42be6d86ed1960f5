// Which folder a request from the renderer may name. In the app, folders come only from the main process's
// dialog, or are ones the user already picked there (recent workspaces, remembered export folders): a renderer
// taken over cannot make Tagfit write anywhere else. The browser preview has no dialog, so folders are typed:
// absolute paths only (a relative one would land beside the process), used and stored resolved.
import path from 'node:path';
import { TagfitError } from '../../core/errors';
import { checkReportDir } from '../../core/report/write';
import { thisDevice } from '../../core/workspace/device';
import { reportsDirFor } from '../../core/workspace/sync/shared';
import type { OpenWorkspace } from '../session';
import type { HandlerContext } from './context';

/**
 * `dir` as the folder to use, or a TagfitError('input') saying why not. `picked`: the folders this shell's user
 * chose before (only the app consults it); `what`: the request, for the message ("Open a workspace").
 */
export function namedFolder(
  ctx: HandlerContext,
  dir: string,
  picked: readonly string[],
  what: string,
): string {
  if (ctx.s.shell === 'electron') {
    const known = picked.find((p) => p === dir);
    if (known === undefined) {
      throw new TagfitError(
        'input',
        `${what}: the app uses only folders chosen in its folder dialog or already picked there (recent workspaces, export folders); "${dir}" is not one of them. Choose it in the folder dialog.`,
      );
    }
    return known;
  }
  if (!path.isAbsolute(dir)) {
    throw new TagfitError(
      'input',
      `${what}: the folder must be an absolute path such as ${process.platform === 'win32' ? 'C:\\Users\\you\\client-acme' : '/home/you/client-acme'} (got "${dir}").`,
    );
  }
  return path.resolve(dir);
}

/** Where an export goes, settled in two steps so a named folder is refused before any work and a dialog opens after. */
export interface ExportFolder {
  /** The folder to write to (checked writable), or null when the user cancelled the dialog. */
  choose(): Promise<string | null>;
  /** Remembers a folder the user named or picked as this workspace's export folder. */
  remember(target: string): void;
}

/**
 * The export folder of a request: the one it names (see namedFolder), the dialog's choice when `pick`, else the
 * workspace's remembered one, else this computer's own reports folder (reports/<device>/ in a shared workspace, so
 * two laptops exporting one day never write one file). `what` names the request in messages ("Export the plan").
 */
export async function exportFolder(
  ctx: HandlerContext,
  open: OpenWorkspace,
  req: { dir?: string | undefined; pick?: boolean | undefined },
  what: string,
): Promise<ExportFolder> {
  const remembered = ctx.s.appSettings.get().exportDirs;
  const ownReports = await reportsDirFor(open.ws.paths, await thisDevice());
  const named =
    req.dir === undefined
      ? undefined
      : namedFolder(ctx, req.dir, [...Object.values(remembered), open.ws.paths.reports, ownReports], what);
  let chosen: string | null | undefined;
  return {
    async choose() {
      chosen = req.pick && !named ? await ctx.s.dialogs.pickFolder(`${what} to…`) : named;
      if (req.pick && !named && chosen === null) return null;
      const target = chosen ?? remembered[open.ws.dir] ?? ownReports;
      await checkReportDir(target);
      return target;
    },
    remember(target) {
      if (chosen)
        ctx.s.appSettings.update({
          exportDirs: { ...ctx.s.appSettings.get().exportDirs, [open.ws.dir]: target },
        });
    },
  };
}
