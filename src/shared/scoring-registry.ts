// The one definition of the scoring and run settings: each setting's label, help, unit, range, default and CLI
// flag, and the zod schemas made from them. The CLI's options, the app's controls, tagfit.json and IPC read this.
import { z } from 'zod';

/** The presets, in the order they are offered. PresetName is derived from this table. */
export const PRESET_TABLE = {
  seed: {
    label: "seed (the article's method)",
    help: "the article's reference method, reproduced exactly",
  },
  organic: { label: 'organic', help: "the article's weights, measured robustly" },
  paid: { label: 'paid', help: 'overlap first, commercial tags kept with the ad penalty' },
} as const;

export type PresetName = keyof typeof PRESET_TABLE;
export const PRESET_NAMES = Object.keys(PRESET_TABLE) as [PresetName, ...PresetName[]];
export const presetSchema = z.enum(PRESET_NAMES);

/** The preset of a run that names none and has no workspace (`tagfit score` alone): the reference method. */
export const DEFAULT_PRESET: PresetName = 'seed';
/** The preset a new workspace is written with (`tagfit init`, the app's new workspace). */
export const NEW_WORKSPACE_PRESET: PresetName = 'organic';

interface Common {
  /** The app's control label (and the settings table's name for it). */
  label: string;
  /** The CLI's help sense, without the default. */
  help: string;
  /** The CLI option that sets it, when there is one. */
  flag?: `--${string}`;
  /** How the default is said in help and the README (when it is not simply `default`). */
  defaultText?: string;
}
export interface NumberSetting extends Common {
  kind: 'number';
  unit?: string;
  min: number;
  max: number;
  int: boolean;
  /** The default; for a preset's field, the value every preset starts from. */
  default?: number;
  /** Message when the value is over the maximum (the reason, e.g. the API's limit). */
  maxMessage?: string;
}
export interface ChoiceSetting extends Common {
  kind: 'choice';
  choices: readonly [string, ...string[]];
  default?: string;
}
export interface SwitchSetting extends Common {
  kind: 'switch';
  default?: boolean;
}
export type SettingSpec = NumberSetting | ChoiceSetting | SwitchSetting;

/** A weight above this is a typo, not a preference (the presets' weights are all under 1). */
export const WEIGHT_MAX = 10;

/** The four weights, in the order the app and reports show them. */
export const WEIGHT_SETTINGS = {
  velocity: {
    kind: 'number',
    label: 'Velocity weight',
    help: 'weight of velocity',
    min: 0,
    max: WEIGHT_MAX,
    int: false,
  },
  density: {
    kind: 'number',
    label: 'Density weight',
    help: 'weight of density',
    min: 0,
    max: WEIGHT_MAX,
    int: false,
  },
  overlap: {
    kind: 'number',
    label: 'Overlap weight',
    help: 'weight of overlap',
    min: 0,
    max: WEIGHT_MAX,
    int: false,
  },
  adPenalty: {
    kind: 'number',
    label: 'Ad penalty weight',
    help: 'weight of the ad penalty',
    min: 0,
    max: WEIGHT_MAX,
    int: false,
  },
} as const satisfies Record<string, NumberSetting>;
export type WeightName = keyof typeof WEIGHT_SETTINGS;
export const WEIGHT_NAMES = Object.keys(WEIGHT_SETTINGS) as WeightName[];

/** Settings a preset decides and a run, a workspace or the app may override. */
export const SCORING_SETTINGS = {
  windowDays: {
    kind: 'number',
    label: 'Velocity window (days)',
    help: 'velocity window in days',
    flag: '--window-days',
    unit: 'days',
    min: 1,
    max: 365,
    int: true,
    default: 14,
  },
  pages: {
    kind: 'number',
    label: 'Pages of posts per tag and region',
    help: 'pages of posts per hashtag and region',
    flag: '--pages',
    unit: 'pages',
    min: 1,
    max: 10,
    int: true,
    default: 3,
  },
  pageSize: {
    kind: 'number',
    label: 'Posts per page',
    help: 'posts per page, at most 35',
    flag: '--page-size',
    unit: 'posts',
    min: 1,
    max: 35,
    int: true,
    default: 30,
    maxMessage: 'must be 35 or less (the API maximum)',
  },
  keepCommercial: {
    kind: 'switch',
    label: 'Keep commercial tags',
    help: 'score commercial (is_commerce) tags with the ad penalty instead of excluding them',
    flag: '--keep-commercial',
    default: false,
    defaultText: 'off; on for paid',
  },
  sampling: {
    kind: 'choice',
    label: 'Sampling',
    help: 'full: every page of every pair; adaptive: more pages only where the ranking is undecided',
    flag: '--sampling',
    choices: ['full', 'adaptive'],
    default: 'adaptive',
    defaultText: 'adaptive for organic and paid; seed always full',
  },
  density: {
    kind: 'choice',
    label: 'Density measure',
    help: 'how likes per post are summarised',
    choices: ['mean', 'median', 'log-mean'],
    defaultText: 'mean for seed; log-mean for organic and paid',
  },
  dedupePosts: {
    kind: 'switch',
    label: 'Count a repeated post once',
    help: 'drop a post already seen (same id) in the sample',
    defaultText: 'off for seed; on for organic and paid',
  },
  minStableSample: {
    kind: 'number',
    label: 'Stable sample (posts)',
    help: 'fewer posts than this is a small sample',
    unit: 'posts',
    min: 0,
    max: 10_000,
    int: true,
    default: 60,
  },
} as const satisfies Record<string, SettingSpec>;

/** Settings of how a run fetches and stores: not part of a score. */
export const RUN_SETTINGS = {
  requestsPerMinute: {
    kind: 'number',
    label: 'Plan: requests per minute',
    help: 'requests per minute of your TikLiveAPI plan',
    flag: '--rpm',
    unit: 'requests per minute',
    min: 1,
    max: 100_000,
    int: true,
    default: 200,
  },
  concurrency: {
    kind: 'number',
    label: 'Parallel requests',
    help: 'parallel requests',
    flag: '--concurrency',
    unit: 'requests',
    min: 1,
    max: 64,
    int: true,
    default: 8,
  },
  timeoutSeconds: {
    kind: 'number',
    label: 'Time-out per request (seconds)',
    help: 'time-out per request',
    flag: '--timeout',
    unit: 'seconds',
    min: 1,
    max: 600,
    int: false,
    default: 15,
  },
  cacheMaxAgeHours: {
    kind: 'number',
    label: 'Cache lifetime (hours)',
    help: 'cache lifetime in hours',
    flag: '--max-age',
    unit: 'hours',
    min: 0,
    max: 24 * 365,
    int: false,
    default: 24,
    defaultText: '24, or the workspace setting',
  },
  infoCacheMaxAgeHours: {
    kind: 'number',
    label: 'Challenge info cache lifetime (hours)',
    help: 'cache lifetime of challenge info (user and view counts)',
    unit: 'hours',
    min: 0,
    max: 24 * 365,
    int: false,
    default: 168,
  },
  maxCredits: {
    kind: 'number',
    label: 'Credit budget',
    help: 'credit budget: the run stops cleanly before exceeding it',
    flag: '--max-credits',
    unit: 'credits',
    min: 0,
    max: 1e9,
    int: true,
    defaultText: 'none',
  },
  velocityThreshold: {
    kind: 'number',
    label: 'Velocity threshold (weekly calendar)',
    help: 'velocity crossing this since the last run is said (the weekly calendar rule)',
    min: 0,
    max: 1,
    int: false,
    default: 0.5,
  },
  skipInvalid: {
    kind: 'switch',
    label: 'Skip invalid rows',
    help: 'score the valid rows even when some rows of the lists are invalid',
    flag: '--skip-invalid',
    default: false,
  },
  offline: {
    kind: 'switch',
    label: 'Offline',
    help: 'never touch the network: score from the cache and name what is missing',
    flag: '--offline',
    default: false,
  },
  noCache: {
    kind: 'switch',
    label: 'Fetch fresh',
    help: 'fetch everything fresh (fresh answers are still stored)',
    flag: '--no-cache',
    default: false,
  },
} as const satisfies Record<string, SettingSpec>;

export type ScoringSettingName = keyof typeof SCORING_SETTINGS;
export type RunSettingName = keyof typeof RUN_SETTINGS;
export type SettingName = ScoringSettingName | RunSettingName | SourceSettingName | 'weights' | 'preset';

/** The three lists a run reads (the one home of ListName), with the app's name for each and the CLI's option. */
export const LIST_SETTINGS = {
  tags: { label: 'Candidate hashtags', flag: '--tags <file>' },
  creators: { label: 'Target creators', flag: '--creators <file>' },
  regions: { label: 'Regions', flag: '--regions <file>' },
} as const;
export type ListName = keyof typeof LIST_SETTINGS;
export const LIST_NAMES = Object.keys(LIST_SETTINGS) as ListName[];

/** Where a run's inputs and answers come from: the list files, a workspace, a cache folder, the demo. */
export const SOURCE_SETTINGS = {
  ...LIST_SETTINGS,
  workspace: { label: 'Workspace', flag: '--workspace <dir>' },
  cacheDir: { label: 'Cache folder', flag: '--cache-dir <dir>' },
  demo: { label: 'Demo', flag: '--demo' },
} as const;
export type SourceSettingName = keyof typeof SOURCE_SETTINGS;

/** Every setting by name, for lookups that do not care which group it is in. */
export const SETTINGS: Readonly<Record<ScoringSettingName | RunSettingName, SettingSpec>> = {
  ...SCORING_SETTINGS,
  ...RUN_SETTINGS,
};

const LABELS: Record<SettingName, string> = {
  ...Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.label])),
  ...Object.fromEntries(Object.entries(SOURCE_SETTINGS).map(([k, v]) => [k, v.label])),
  weights: 'Weights',
  preset: 'Preset',
} as Record<SettingName, string>;

/** Labels of the fields a request or tagfit.json may hold that are not settings of the tables above. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  ownAccounts: 'Your own accounts',
  weeks: 'Weeks',
  perWeek: 'Posts a week',
};

/**
 * A field as the app names it, from its path in a request or a settings file: ["settings", "cacheMaxAgeHours"] is
 * "Cache lifetime (hours)", ["overrides", "weights", "velocity"] "Velocity weight", ["settings", "ownAccounts", 2]
 * "Your own accounts"; undefined for a field the app shows no label for.
 */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((k): k is string => typeof k === 'string');
  const key = keys.at(-1);
  // The watch's rules have names of their own (its velocityThreshold is a switch, not the setting).
  if (key === undefined || keys.includes('watch')) return undefined;
  if (keys.at(-2) === 'weights' && Object.hasOwn(WEIGHT_SETTINGS, key))
    return WEIGHT_SETTINGS[key as WeightName].label;
  if (Object.hasOwn(LABELS, key)) return LABELS[key as SettingName];
  return FIELD_LABELS[key];
}

/** The CLI's words for a setting ("--max-credits", "--tags <file>"), when it has an option. */
export function settingFlag(name: SettingName): string | undefined {
  if (name === 'weights') return '--weights';
  if (name === 'preset') return '--preset';
  if (Object.hasOwn(SOURCE_SETTINGS, name)) return SOURCE_SETTINGS[name as SourceSettingName].flag;
  return SETTINGS[name as keyof typeof SETTINGS]?.flag;
}

/**
 * How the engine names a setting in a message: its label in quotes ("Skip invalid rows"), which the app shows
 * as it is and the CLI turns into its flag (see the error's `settings` detail), so no core message names a flag.
 */
export const settingRef = (name: SettingName): string => `"${LABELS[name]}"`;

/** A message's setting references in the CLI's words: each `settingRef(name)` of `names` becomes the flag. */
export function withFlags(message: string, names: readonly SettingName[]): string {
  let out = message;
  for (const name of names) {
    const flag = settingFlag(name);
    if (flag) out = out.split(settingRef(name)).join(flag);
  }
  return out;
}

/** "from 1 to 365" etc.: a number setting's range in words. */
export const describeRange = (s: Pick<NumberSetting, 'int' | 'min' | 'max'>): string =>
  `${s.int ? 'a whole number' : 'a number'} from ${s.min} to ${s.max}`;

/** The zod schema of a number setting, with its range; messages say the bound. */
export function numberSchema(s: NumberSetting): z.ZodNumber {
  let n = z.number().finite('must be a finite number');
  if (s.int) n = n.int(s.unit === 'days' ? 'must be a whole number of days' : 'must be a whole number');
  return n.min(s.min, `must be ${s.min} or more`).max(s.max, s.maxMessage ?? `must be ${s.max} or less`);
}

export const weightSchema = numberSchema(WEIGHT_SETTINGS.velocity);
export const weightsSchema = z.strictObject({
  velocity: numberSchema(WEIGHT_SETTINGS.velocity),
  density: numberSchema(WEIGHT_SETTINGS.density),
  overlap: numberSchema(WEIGHT_SETTINGS.overlap),
  adPenalty: numberSchema(WEIGHT_SETTINGS.adPenalty),
});
export const windowDaysSchema = numberSchema(SCORING_SETTINGS.windowDays);
export const pagesSchema = numberSchema(SCORING_SETTINGS.pages);
export const pageSizeSchema = numberSchema(SCORING_SETTINGS.pageSize);
export const samplingSchema = z.enum(SCORING_SETTINGS.sampling.choices);
export const densitySchema = z.enum(SCORING_SETTINGS.density.choices);
export const minStableSampleSchema = numberSchema(SCORING_SETTINGS.minStableSample);
export const requestsPerMinuteSchema = numberSchema(RUN_SETTINGS.requestsPerMinute);
export const concurrencySchema = numberSchema(RUN_SETTINGS.concurrency);
export const cacheMaxAgeHoursSchema = numberSchema(RUN_SETTINGS.cacheMaxAgeHours);
export const infoCacheMaxAgeHoursSchema = numberSchema(RUN_SETTINGS.infoCacheMaxAgeHours);
export const maxCreditsSchema = numberSchema(RUN_SETTINGS.maxCredits);
export const velocityThresholdSchema = numberSchema(RUN_SETTINGS.velocityThreshold);

/** The scoring fields a workspace, a run or the app may set on top of a preset; absent means the preset's. */
export const scoringFieldsSchema = z.strictObject({
  weights: weightsSchema.partial().optional(),
  windowDays: windowDaysSchema.optional(),
  pages: pagesSchema.optional(),
  pageSize: pageSizeSchema.optional(),
  keepCommercial: z.boolean().optional(),
  sampling: samplingSchema.optional(),
  density: densitySchema.optional(),
  dedupePosts: z.boolean().optional(),
  minStableSample: minStableSampleSchema.optional(),
});

/**
 * The one overrides schema: the scoring fields plus a preset (tolerated so a whole ScoringSettings can be passed
 * back in; the engine refuses one that contradicts the chosen preset). IPC run requests and the engine use it.
 */
export const scoringOverridesSchema = scoringFieldsSchema.extend({ preset: presetSchema.optional() });
export type ScoringOverrides = z.input<typeof scoringOverridesSchema>;
