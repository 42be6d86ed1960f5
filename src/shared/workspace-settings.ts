// A workspace's settings (tagfit.json): the schema the file is validated by and the app's settings view edits.
import { z } from 'zod';
import { brandingSchema } from './branding';
import {
  cacheMaxAgeHoursSchema,
  concurrencySchema,
  infoCacheMaxAgeHoursSchema,
  presetSchema,
  requestsPerMinuteSchema,
  RUN_SETTINGS,
  scoringFieldsSchema,
  velocityThresholdSchema,
} from './scoring-registry';

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** The settings format this Tagfit reads and writes. */
export const SETTINGS_VERSION = 1;

/**
 * Scoring fields are optional: absent means "the preset's value", so switching preset is one edit.
 * Operational fields have defaults and are written at init so people see them.
 */
/** The watch's numbers as tagfit.json takes them: its schema and the app's fields read these. */
export const WATCH_LIMITS = {
  hour: { int: true, min: 0, max: 23 },
  rankMove: { int: true, min: 0, max: 1000 },
  scoreMove: { int: false, min: 0, max: 100 },
  suggestionPosts: { int: true, min: 0, max: 10_000 },
} as const;

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  preset: presetSchema,
  // The scoring fields and the plan's limits: their ranges and defaults are the scoring registry's.
  ...scoringFieldsSchema.shape,
  cacheMaxAgeHours: cacheMaxAgeHoursSchema.default(RUN_SETTINGS.cacheMaxAgeHours.default),
  /** Challenge info (user_count, view_count) changes slowly: its own, longer cache lifetime. */
  infoCacheMaxAgeHours: infoCacheMaxAgeHoursSchema.default(RUN_SETTINGS.infoCacheMaxAgeHours.default),
  cacheMaxBytes: z
    .int()
    .min(0)
    .default(256 * 1024 * 1024),
  velocityThreshold: velocityThresholdSchema.default(RUN_SETTINGS.velocityThreshold.default),
  requestsPerMinute: requestsPerMinuteSchema.default(RUN_SETTINGS.requestsPerMinute.default),
  concurrency: concurrencySchema.default(RUN_SETTINGS.concurrency.default),
  /** When `tagfit watch` runs and what raises an alert (core/discover/watch.ts). */
  watch: z
    .strictObject({
      /** The app runs a due watch by itself while it is open (the CLI's watch runs when cron calls it). */
      enabled: z.boolean().default(false),
      every: z.enum(['day', 'week']).default('week'),
      /** For a weekly schedule. */
      day: z.enum(WEEKDAYS).default('monday'),
      /** Local time, 0-23. */
      hour: z.int().min(WATCH_LIMITS.hour.min).max(WATCH_LIMITS.hour.max).default(9),
      rules: z
        .strictObject({
          /** Velocity crosses the workspace's velocityThreshold, either way. */
          velocityThreshold: z.boolean().default(true),
          /** A tag's rank moves by at least this many places (0: off). */
          rankMove: z.int().min(WATCH_LIMITS.rankMove.min).max(WATCH_LIMITS.rankMove.max).default(5),
          /** A tag's score moves by at least this many points (0: off). */
          scoreMove: z.number().min(WATCH_LIMITS.scoreMove.min).max(WATCH_LIMITS.scoreMove.max).default(10),
          /** A tag newly flagged so. */
          becameFlagged: z
            .array(z.enum(['shadow-limited', 'saturated']))
            .default(['shadow-limited', 'saturated']),
          /** A new suggestion backed by at least this many of the high scorers' posts (0: off). */
          suggestionPosts: z
            .int()
            .min(WATCH_LIMITS.suggestionPosts.min)
            .max(WATCH_LIMITS.suggestionPosts.max)
            .default(5),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The user's own TikTok accounts (usernames): `tagfit track` checks the ranking against their posts. */
  ownAccounts: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  /** Who prepared the reports and for whom, with a logo and an accent colour (shared/branding.ts). */
  branding: brandingSchema.optional(),
});

export type WorkspaceSettings = z.output<typeof settingsSchema>;
export type WorkspaceSettingsInput = z.input<typeof settingsSchema>;
