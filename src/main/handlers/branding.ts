// Branding: the Settings view's live preview of a report's header (main reads the logo; the renderer reads no file)
// and the logo's file dialog, which copies a file chosen outside the workspace into it.
import path from 'node:path';
import { TagfitError } from '../../core/errors';
import { accentOf } from '../../core/report/branding';
import { adoptLogo, readLogo } from '../../core/report/logo-file';
import type { BrandingPreview } from '../../shared/branding';
import { type HandlerContext, requireWorkspace, requireWritable } from './context';
import type { DomainHandlers } from './types';

export function createBrandingHandlers(
  ctx: HandlerContext,
): DomainHandlers<'branding:preview' | 'branding:pick-logo'> {
  return {
    async 'branding:preview'({ branding }) {
      const { ws } = requireWorkspace(ctx);
      const accent = branding.accent ? accentOf(branding.accent) : undefined;
      const preview: BrandingPreview = {
        logo: null,
        accentText: accent?.text ?? null,
        contrast: accent?.contrast ?? null,
        problem: null,
      };
      if (branding.logo) {
        try {
          preview.logo = (await readLogo(ws.dir, branding.logo, ws.paths.settings)).dataUrl;
        } catch (e) {
          if (!(e instanceof TagfitError)) throw e;
          preview.problem = e.message;
        }
      }
      return preview;
    },
    async 'branding:pick-logo'({ file }) {
      const { ws } = requireWritable(ctx, 'choose a logo');
      let chosen: string | null;
      if (ctx.s.shell === 'electron') {
        // The app takes a file only from its own dialog: a renderer taken over cannot make main read any file.
        if (file !== undefined)
          throw new TagfitError(
            'input',
            'Choose the logo in the file dialog: the app takes no typed file name.',
          );
        chosen = await ctx.s.dialogs.pickImage('Choose the logo for the reports');
        if (chosen === null) return null;
      } else {
        if (file === undefined || !path.isAbsolute(file))
          throw new TagfitError(
            'input',
            `Choose the logo: type the image's absolute path, or a path inside the workspace (got "${file ?? ''}").`,
          );
        chosen = file;
      }
      return { logo: await adoptLogo(ws.dir, chosen, ws.paths.settings) };
    },
  };
}
