// A workspace's branding (tagfit.json's `branding`): who prepared the reports, for whom, their logo and colour.
// The shape is checked here; the logo file itself (inside the workspace, an image, not too large) in core/report.
import { z } from 'zod';

/** A CSS hex colour: #rgb or #rrggbb. */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** The logo's file types, by extension, with the MIME type each is embedded as. */
export const LOGO_TYPES = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
} as const;
/** A logo above this size would make every HTML and PDF report heavy: refused. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty (leave the field out instead)')
  .max(120, 'must be at most 120 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'must be one line without control characters');

export const brandingSchema = z.strictObject({
  /** The agency that prepared the report. */
  agency: name.optional(),
  /** The client it was prepared for. */
  client: name.optional(),
  /** The logo: a PNG, JPEG or SVG file inside the workspace, as a path relative to it (e.g. "branding/logo.png"). */
  logo: z.string().trim().min(1, 'must not be empty (leave the field out instead)').max(1024).optional(),
  /** The accent colour of the report's header, a CSS hex colour such as #1f6feb. */
  accent: z
    .string()
    .trim()
    .regex(HEX_COLOUR, 'must be a CSS hex colour such as #1f6feb or #17a (# then 3 or 6 hex digits)')
    .optional(),
});

export type Branding = z.output<typeof brandingSchema>;

/** What the Settings view shows beside the branding fields: the header as a report will draw it. */
export interface BrandingPreview {
  /** The logo as a data: URL (the renderer reads no file), or null without one. */
  logo: string | null;
  /** The text colour that reads on the accent (WCAG AA), or null without an accent. */
  accentText: '#000000' | '#ffffff' | null;
  /** The contrast of that text on the accent, e.g. 7.2. */
  contrast: number | null;
  /** The problem with the logo or the accent, said as a run would say it. */
  problem: string | null;
}
