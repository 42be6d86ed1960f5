// Which folder a request from the renderer may name. In the app, folders come only from the main process's
// dialog, or are ones the user already picked there (recent workspaces, remembered export folders): a renderer
// taken over cannot make Tagfit write anywhere else. The browser preview has no dialog, so folders are typed:
// absolute paths only (a relative one would land beside the process), used and stored resolved.
import path from 'node:path';
import { TagfitError } from '../../core/errors';
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
