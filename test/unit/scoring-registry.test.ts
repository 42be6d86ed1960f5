// The scoring registry is the one definition of the settings: the README's settings table says what it says, the
// CLI offers an option for each setting that has a flag, and tagfit.json and IPC accept exactly its ranges.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRESET,
  NEW_WORKSPACE_PRESET,
  type NumberSetting,
  PRESET_NAMES,
  RUN_SETTINGS,
  SCORING_SETTINGS,
  type SettingSpec,
  WEIGHT_SETTINGS,
  settingRef,
  withFlags,
} from '../../src/shared/scoring-registry';
import { settingsSchema } from '../../src/shared/workspace-settings';
import { runRequests } from '../../src/shared/ipc/run';
import { addScoreOptions } from '../../src/cli/score-command';
import { parseSetting } from '../../src/cli/setting-options';
import { PRESETS, resolveSettings } from '../../src/core/engine/presets';
import { TagfitError } from '../../src/core/errors';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The README's settings table: each row's cells by the setting's key (second column, in backticks). */
function readmeRows(): Map<string, string[]> {
  const start = README.indexOf('| setting ');
  expect(start, 'the README has a settings table whose first column is "setting"').toBeGreaterThan(-1);
  const rows = new Map<string, string[]>();
  for (const line of README.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.set(cells[1]!.replace(/`/g, ''), cells);
  }
  return rows;
}

const range = (s: SettingSpec): string =>
  s.kind === 'number'
    ? `${s.min}–${s.max}${s.int ? ' whole' : ''}${s.unit ? ` ${s.unit}` : ''}`
    : s.kind === 'choice'
      ? s.choices.join(', ')
      : 'on / off';
const defaultOf = (s: SettingSpec): string =>
  s.defaultText ??
  (s.default === undefined
    ? "the preset's"
    : typeof s.default === 'boolean'
      ? s.default
        ? 'on'
        : 'off'
      : String(s.default));

const EVERY = { ...SCORING_SETTINGS, ...RUN_SETTINGS } as Record<string, SettingSpec>;

describe('the README settings table', () => {
  it('has every registry setting with its label, CLI option, range and default', () => {
    const rows = readmeRows();
    for (const [key, s] of Object.entries(EVERY)) {
      const row = rows.get(key);
      expect(row, `README settings table row for ${key}`).toBeDefined();
      expect(row, key).toEqual([
        s.label,
        `\`${key}\``,
        s.flag ? `\`${s.flag}\`` : '—',
        range(s),
        defaultOf(s),
      ]);
    }
    for (const [key, s] of Object.entries(WEIGHT_SETTINGS)) {
      expect(rows.get(`weights.${key}`), key).toEqual([
        s.label,
        `\`weights.${key}\``,
        '`--weights`',
        range(s),
        "the preset's",
      ]);
    }
    expect(rows.get('preset')).toEqual([
      'Preset',
      '`preset`',
      '`--preset`',
      PRESET_NAMES.join(', '),
      `${DEFAULT_PRESET}; a new workspace: ${NEW_WORKSPACE_PRESET}`,
    ]);
    // And nothing the registry does not define.
    expect(rows.size).toBe(Object.keys(EVERY).length + Object.keys(WEIGHT_SETTINGS).length + 1);
  });

  it('gives the presets the values the table says they start from', () => {
    for (const p of PRESET_NAMES) {
      expect(PRESETS[p].windowDays).toBe(SCORING_SETTINGS.windowDays.default);
      expect(PRESETS[p].pages).toBe(SCORING_SETTINGS.pages.default);
      expect(PRESETS[p].pageSize).toBe(SCORING_SETTINGS.pageSize.default);
    }
    expect(PRESETS.seed.sampling).toBe('full');
    expect(PRESETS.organic.sampling).toBe(SCORING_SETTINGS.sampling.default);
  });
});

describe('the CLI', () => {
  const cmd = addScoreOptions(new Command('score'));
  const flags = cmd.options.map((o) => o.long);

  it('offers an option for every setting with a flag, its help saying the default', () => {
    for (const [key, s] of Object.entries(EVERY)) {
      if (!s.flag) continue;
      const option = cmd.options.find((o) => o.long === s.flag);
      expect(option, `${key}: ${s.flag}`).toBeDefined();
      if (s.kind !== 'switch' && defaultOf(s) !== "the preset's")
        expect(option!.description).toContain(`(default ${defaultOf(s)})`);
    }
    expect(flags).toContain('--preset');
    expect(cmd.options.find((o) => o.long === '--preset')!.argChoices).toEqual(PRESET_NAMES);
    expect(cmd.options.find((o) => o.long === '--sampling')!.argChoices).toEqual(['full', 'adaptive']);
  });

  it('parses a number option by its range and names the flag when it is out of it', () => {
    expect(parseSetting('windowDays', '365')).toBe(365);
    expect(parseSetting('windowDays', undefined)).toBeUndefined();
    expect(() => parseSetting('windowDays', '366')).toThrow(
      '--window-days must be a whole number from 1 to 365 (got "366").',
    );
    expect(() => parseSetting('pages', '2.5')).toThrow('--pages must be a whole number from 1 to 10');
    expect(() => parseSetting('timeoutSeconds', 'soon')).toThrow('--timeout must be a number from 1 to 600');
    expect(parseSetting('timeoutSeconds', '2.5')).toBe(2.5);
  });
});

describe('tagfit.json, IPC and the engine accept exactly the registry ranges', () => {
  const numbers = (Object.entries(SCORING_SETTINGS) as [string, SettingSpec][]).filter(
    (e): e is [string, NumberSetting] => e[1].kind === 'number',
  );
  const start = (overrides: unknown): boolean => runRequests['run:start'].safeParse({ overrides }).success;
  const workspace = (field: Record<string, unknown>): boolean =>
    settingsSchema.safeParse({ version: 1, preset: 'organic', ...field }).success;

  it('at the bounds yes, past them no, and a fraction only where the setting allows one', () => {
    for (const [key, s] of numbers) {
      for (const accepts of [start, workspace]) {
        expect(accepts({ [key]: s.min }), `${key} = ${s.min}`).toBe(true);
        expect(accepts({ [key]: s.max }), `${key} = ${s.max}`).toBe(true);
        expect(accepts({ [key]: s.min - 1 }), `${key} = ${s.min - 1}`).toBe(false);
        expect(accepts({ [key]: s.max + 1 }), `${key} = ${s.max + 1}`).toBe(false);
        expect(accepts({ [key]: s.min + 0.5 }), `${key} = ${s.min + 0.5}`).toBe(!s.int);
      }
    }
    for (const [key, s] of Object.entries(RUN_SETTINGS)) {
      if (s.kind !== 'number' || !(key in settingsSchema.shape)) continue;
      expect(workspace({ [key]: s.max }), key).toBe(true);
      expect(workspace({ [key]: s.max + 1 }), key).toBe(false);
    }
    const budget = RUN_SETTINGS.maxCredits;
    expect(runRequests['run:start'].safeParse({ maxCredits: budget.max }).success).toBe(true);
    expect(runRequests['run:start'].safeParse({ maxCredits: budget.max + 1 }).success).toBe(false);
    expect(start({ weights: { velocity: WEIGHT_SETTINGS.velocity.max } })).toBe(true);
    expect(start({ weights: { velocity: WEIGHT_SETTINGS.velocity.max + 0.01 } })).toBe(false);
    expect(start({ preset: 'organic', sampling: 'adaptive' })).toBe(true);
    expect(start({ sampling: 'sometimes' })).toBe(false);
  });

  it('the engine refuses what IPC refuses, naming the setting', () => {
    expect(() => resolveSettings('organic', { windowDays: 366 })).toThrow(
      'Invalid setting windowDays: must be 365 or less.',
    );
    expect(resolveSettings('organic', { windowDays: 365 }).windowDays).toBe(365);
  });
});

describe('engine messages name settings, the CLI says the flag', () => {
  it('a setting reference becomes the flag in the CLI and stays the label in the app', () => {
    const message = `invalid input (fix it, or use ${settingRef('skipInvalid')} to score the valid rows)`;
    expect(message).toBe('invalid input (fix it, or use "Skip invalid rows" to score the valid rows)');
    expect(withFlags(message, ['skipInvalid'])).toBe(
      'invalid input (fix it, or use --skip-invalid to score the valid rows)',
    );
    const e = new TagfitError('input', `${settingRef('offline')} needs a cache`, { settings: ['offline'] });
    expect(withFlags(e.message, e.details.settings as never)).toBe('--offline needs a cache');
  });
});
