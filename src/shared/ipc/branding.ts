// The branding domain: the Settings view's preview of a report's header, and choosing the logo file.
import { z } from 'zod';
import { type BrandingPreview, brandingSchema } from '../branding';

export const brandingRequests = {
  /** The header a report would draw with this (unsaved) branding: the logo as a data: URL, the accent's text. */
  'branding:preview': z.strictObject({ branding: brandingSchema }),
  /**
   * Choose the logo: the app's file dialog (no `file`: a renderer names no file in the app); the preview takes `file`
   * as an absolute path. A file outside the workspace is copied into its branding/ folder. null: cancelled.
   */
  'branding:pick-logo': z.strictObject({ file: z.string().trim().min(1).max(4096).optional() }),
} as const;

export interface BrandingResponses {
  'branding:preview': BrandingPreview;
  /** The logo as tagfit.json names it, relative to the workspace. */
  'branding:pick-logo': { logo: string } | null;
}
