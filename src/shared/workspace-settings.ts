// A workspace's settings (tagfit.json): the schema the file is validated by and the app's settings view edits.
import { z } from 'zod';
import {
  pageSizeSchema,
  pagesSchema,
  presetSchema,
  samplingSchema,
  weightsSchema,
  windowDaysSchema,
} from './scoring-limits';

/** The settings format this Tagfit reads and writes. */
export const SETTINGS_VERSION = 1;

/**
 * Scoring fields are optional: absent means "the preset's value", so switching preset is one edit.
 * Operational fields have defaults and are written at init so people see them.
 */
export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  preset: presetSchema,
  weights: weightsSchema.partial().optional(),
  windowDays: windowDaysSchema.optional(),
  pages: pagesSchema.optional(),
  pageSize: pageSizeSchema.optional(),
  keepCommercial: z.boolean().optional(),
  sampling: samplingSchema.optional(),
  density: z.enum(['mean', 'median', 'log-mean']).optional(),
  dedupePosts: z.boolean().optional(),
  minStableSample: z.int().min(0).optional(),
  cacheMaxAgeHours: z.number().min(0).default(24),
  /** Challenge info (user_count, view_count) changes slowly: its own, longer cache lifetime. */
  infoCacheMaxAgeHours: z.number().min(0).default(168),
  cacheMaxBytes: z
    .int()
    .min(0)
    .default(256 * 1024 * 1024),
  velocityThreshold: z.number().min(0).max(1).default(0.5),
  requestsPerMinute: z.int().min(1).max(100_000).default(200),
  concurrency: z.int().min(1).max(64).default(8),
  /** The user's own TikTok accounts (usernames): `tagfit track` checks the ranking against their posts. */
  ownAccounts: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
});

export type WorkspaceSettings = z.output<typeof settingsSchema>;
export type WorkspaceSettingsInput = z.input<typeof settingsSchema>;
