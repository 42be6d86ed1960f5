// A workspace's branding made ready for reports: the names, the accent with the text colour that reads on it
// (WCAG AA), and the logo checked (inside the workspace, an image, at most 2 MB) and inlined as a data: URL.
import { type Branding, HEX_COLOUR } from '../../shared/branding';
import { TagfitError } from '../errors';
import { brandingError, readLogo } from './logo-file';

/** The branding every report renderer takes (document-model.ts): null where the workspace sets none. */
export interface ReportBranding {
  agency?: string;
  client?: string;
  /** The accent as #rrggbb, the text drawn on it (black or white, whichever contrasts more) and that contrast. */
  accent?: { colour: string; text: '#000000' | '#ffffff'; contrast: number };
  /** The logo inlined, so an HTML or PDF report stands alone; `file` is its path in the workspace. */
  logo?: { dataUrl: string; file: string };
}

/** WCAG 2's AA contrast for normal text. */
export const AA_CONTRAST = 4.5;

/** "#1a7" → "#11aa77"; lower case. */
export function normaliseHex(hex: string): string {
  const h = hex.trim().toLowerCase();
  return h.length === 4 ? `#${[...h.slice(1)].map((c) => c + c).join('')}` : h;
}

/** WCAG 2's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(normaliseHex(hex).slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2's contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white text on the accent, whichever contrasts more. One of the two always reaches AA (the worse case,
 * a mid grey, still gives 4.58), and the check below says so should that ever not hold.
 */
export function accentOf(hex: string): NonNullable<ReportBranding['accent']> {
  const colour = normaliseHex(hex);
  const black = contrastRatio(colour, '#000000');
  const white = contrastRatio(colour, '#ffffff');
  const text = black >= white ? '#000000' : '#ffffff';
  const contrast = Math.max(black, white);
  if (contrast < AA_CONTRAST)
    throw new TagfitError(
      'internal',
      `No text colour reaches AA contrast on ${colour} (${contrast.toFixed(2)}).`,
    );
  return { colour, text, contrast: Math.round(contrast * 100) / 100 };
}

/** The workspace's branding made ready for reports (logo read and checked); null when it sets none. */
export async function loadReportBranding(
  workspaceDir: string,
  branding: Branding | undefined,
  settingsFile: string,
): Promise<ReportBranding | null> {
  if (!branding) return null;
  if (branding.accent !== undefined && !HEX_COLOUR.test(branding.accent))
    throw brandingError(
      settingsFile,
      'accent',
      `"${branding.accent}" is not a CSS hex colour such as #1f6feb`,
    );
  const out: ReportBranding = {
    ...(branding.agency ? { agency: branding.agency } : {}),
    ...(branding.client ? { client: branding.client } : {}),
    ...(branding.accent ? { accent: accentOf(branding.accent) } : {}),
    ...(branding.logo ? { logo: await readLogo(workspaceDir, branding.logo, settingsFile) } : {}),
  };
  return Object.keys(out).length > 0 ? out : null;
}
