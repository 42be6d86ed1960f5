// The CLI's options for the scoring registry's settings: flag, help and default come from
// src/shared/scoring-registry, and a value is parsed against the setting's range (errors name the flag).
import { type Command, Option } from 'commander';
import { TagfitError } from '../core/errors';
import {
  DEFAULT_PRESET,
  describeRange,
  type NumberSetting,
  PRESET_NAMES,
  SCORING_SETTINGS,
  type ScoringOverrides,
  SETTINGS,
  type SettingName,
  type SettingSpec,
  withFlags,
} from '../shared/scoring-registry';

type Named = keyof typeof SETTINGS;

/** The option's value placeholder, as the help has always shown it. */
const placeholder = (s: SettingSpec): string =>
  s.kind === 'choice'
    ? '<mode>'
    : s.kind === 'number' && (s.unit === 'hours' || s.unit === 'seconds')
      ? `<${s.unit}>`
      : '<n>';

function spec(name: Named): SettingSpec & { flag: `--${string}` } {
  const s = SETTINGS[name];
  if (!s.flag) throw new Error(`setting ${name} has no CLI flag`);
  return s as SettingSpec & { flag: `--${string}` };
}

/** The help line: the setting's help and how its default is said. */
export function settingHelp(name: Named): string {
  const s = SETTINGS[name];
  const def =
    s.defaultText ?? (s.default !== undefined && s.kind !== 'switch' ? String(s.default) : undefined);
  return def !== undefined ? `${s.help} (default ${def})` : s.help;
}

/** The commander option for a setting (no commander default, so a workspace's value still applies). */
export function settingOption(name: Named): Option {
  const s = spec(name);
  if (s.kind === 'switch') return new Option(s.flag, settingHelp(name));
  const option = new Option(`${s.flag} ${placeholder(s)}`, settingHelp(name));
  return s.kind === 'choice' ? option.choices([...s.choices]) : option;
}

/** `--preset <name>`: the preset table's names; without it, the workspace's preset (if any), else the default. */
export const presetOption = (opts: { workspace?: boolean } = {}): Option =>
  new Option(
    '--preset <name>',
    `scoring preset (default ${DEFAULT_PRESET}${opts.workspace ? ", or the workspace's" : ''})`,
  ).choices([...PRESET_NAMES]);

/** Adds each named setting's option to a command, in the order given (the order the help shows). */
export function addSettingOptions(cmd: Command, names: readonly Named[]): Command {
  for (const name of names) cmd.addOption(settingOption(name));
  return cmd;
}

/** The key commander stores an option's value under ("--max-age" → "maxAge"). */
export const flagKey = (name: Named): string => settingOption(name).attributeName();

/** A number setting's value from its option text, or a TagfitError('input') naming the flag and the range. */
export function parseSetting(name: Named, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = spec(name) as NumberSetting & { flag: string };
  const n = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(n) ||
    n < s.min ||
    n > s.max ||
    (s.int && !Number.isInteger(n))
  ) {
    throw new TagfitError('input', `${s.flag} must be ${describeRange(s)} (got "${text}").`, {
      setting: name,
    });
  }
  return n;
}

/** The scoring options every scoring command shares, in help order. */
export const SCORING_OPTION_NAMES = [
  'windowDays',
  'pages',
  'pageSize',
  'keepCommercial',
  'sampling',
] as const;
/** The plan and cache options of a command that fetches. */
export const RUN_OPTION_NAMES = [
  'cacheMaxAgeHours',
  'maxCredits',
  'requestsPerMinute',
  'concurrency',
  'timeoutSeconds',
] as const;

/** The request-pacing and budget options of a command that reads posts (track, decode, creator-fit). */
export const FETCH_OPTION_NAMES = [
  'requestsPerMinute',
  'concurrency',
  'timeoutSeconds',
  'maxCredits',
] as const;

/** The scoring overrides the flags give (weights are parsed by the caller: they are a list). */
export function scoringOverridesFromFlags(flags: Record<string, unknown>): ScoringOverrides {
  const out: Record<string, unknown> = {};
  for (const name of SCORING_OPTION_NAMES) {
    const value = flags[flagKey(name)];
    if (value === undefined || value === false) continue;
    const s = SCORING_SETTINGS[name];
    out[name] = s.kind === 'number' ? parseSetting(name, String(value)) : value;
  }
  return out as ScoringOverrides;
}

/** An engine error in the CLI's words: the settings it names (its `settings` detail) said as their flags. */
export function cliMessage(e: TagfitError): string {
  const names = e.details.settings;
  return Array.isArray(names) ? withFlags(e.message, names as SettingName[]) : e.message;
}
