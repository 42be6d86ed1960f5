// The workspace's settings file (tagfit.json): a versioned schema, validation that says where, stable key order.
import { z } from 'zod';
import { rename } from 'node:fs/promises';
import {
  NEW_WORKSPACE_PRESET,
  scoringFieldsSchema,
  type ScoringOverrides,
} from '../../shared/scoring-registry';
import { TagfitError } from '../errors';
import { lineOfPath, parseJsonText, readTextFile, toPrettyJson, writeFileAtomically } from './json-file';
import {
  SETTINGS_VERSION,
  settingsSchema,
  type WorkspaceSettings,
  type WorkspaceSettingsInput,
} from '../../shared/workspace-settings';

export { SETTINGS_VERSION, settingsSchema, type WorkspaceSettings, type WorkspaceSettingsInput };
export const SETTINGS_FILE = 'tagfit.json';

export const defaultSettings = (): WorkspaceSettings =>
  settingsSchema.parse({ version: SETTINGS_VERSION, preset: NEW_WORKSPACE_PRESET });

/** Key order on disk: fixed, so a change shows as one changed line in a diff. */
const KEY_ORDER = [
  'version',
  'preset',
  'weights',
  'windowDays',
  'pages',
  'pageSize',
  'keepCommercial',
  'sampling',
  'density',
  'dedupePosts',
  'minStableSample',
  'cacheMaxAgeHours',
  'infoCacheMaxAgeHours',
  'cacheMaxBytes',
  'velocityThreshold',
  'requestsPerMinute',
  'concurrency',
  'watch',
  'ownAccounts',
  'branding',
] as const satisfies readonly (keyof WorkspaceSettings)[];
// Every setting must be in KEY_ORDER, or saving would silently drop it: a missing key fails to compile here.
type Unordered = Exclude<keyof WorkspaceSettings, (typeof KEY_ORDER)[number]>;
export const EVERY_SETTING_ORDERED: [Unordered] extends [never] ? true : Unordered = true;
const WEIGHT_ORDER = ['velocity', 'density', 'overlap', 'adPenalty'] as const;

export function serializeSettings(settings: WorkspaceSettings): string {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = settings[k];
    if (v === undefined) continue;
    if (k === 'weights') {
      const w = v as NonNullable<WorkspaceSettings['weights']>;
      const ordered: Record<string, number> = {};
      for (const wk of WEIGHT_ORDER) if (w[wk] !== undefined) ordered[wk] = w[wk];
      out[k] = ordered;
    } else out[k] = v;
  }
  return toPrettyJson(out);
}

/** Validates settings text; every problem is reported with the path, line and field. Never touches the file. */
export function parseSettings(raw: string, path: string): WorkspaceSettings {
  const read = parseJsonText(raw);
  const keep = 'The file was left as it is: fix it, or delete it to start from the defaults.';
  if (!read.ok) {
    throw new TagfitError('storage', `Settings file ${path} is damaged (${read.reason}). ${keep}`, { path });
  }
  const v = read.value as { version?: unknown } | null;
  if (v && typeof v === 'object' && typeof v.version === 'number' && v.version > SETTINGS_VERSION) {
    throw new TagfitError(
      'storage',
      `Settings file ${path} was written by a newer Tagfit (format version ${v.version}; this one reads ${SETTINGS_VERSION}). ` +
        'Update Tagfit to use this workspace; the file was left as it is.',
      { path, version: v.version },
    );
  }
  const parsed = settingsSchema.safeParse(read.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const linePath = unknownKeys.length ? [...issue.path, unknownKeys[0]!] : issue.path;
      const line = lineOfPath(read.text, linePath);
      const where = [line ? `line ${line}` : undefined, field ? `field "${field}"` : undefined].filter(
        Boolean,
      );
      const what =
        unknownKeys.length > 0
          ? `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}`
          : issue.message;
      return `${where.length ? `${where.join(', ')}: ` : ''}${what}`;
    });
    throw new TagfitError('storage', `Settings file ${path} is not valid: ${problems.join('; ')}. ${keep}`, {
      path,
      problems,
    });
  }
  return parsed.data;
}

/** Reads and validates a settings file; undefined when it does not exist. */
export async function loadSettings(path: string): Promise<WorkspaceSettings | undefined> {
  const raw = await readTextFile(path);
  return raw === undefined ? undefined : parseSettings(raw, path);
}

/**
 * Writes settings atomically. A file from a newer Tagfit is never overwritten (throws); a damaged one is
 * renamed aside first so nothing the user wrote is lost, and the new name is returned.
 */
export async function saveSettingsFile(
  path: string,
  settings: WorkspaceSettingsInput,
  now: Date = new Date(),
): Promise<{ keptAside?: string }> {
  const checked = settingsSchema.safeParse(settings);
  if (!checked.success) {
    throw new TagfitError(
      'input',
      `Settings not saved: ${z.prettifyError(checked.error).replace(/\n/g, ' ')}`,
    );
  }
  let keptAside: string | undefined;
  const current = await readTextFile(path);
  if (current !== undefined) {
    try {
      parseSettings(current, path);
    } catch (e) {
      if (e instanceof TagfitError && /newer Tagfit/.test(e.message)) throw e;
      keptAside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(path, keptAside);
      } catch (err) {
        throw new TagfitError('storage', `Cannot keep the damaged ${path} aside: ${(err as Error).message}`, {
          path,
        });
      }
    }
  }
  await writeFileAtomically(path, serializeSettings(checked.data));
  return keptAside ? { keptAside } : {};
}

/** The overrides the settings make to the preset's ScoringSettings (only the scoring fields the user set). */
export function scoringOverrides(s: WorkspaceSettings): ScoringOverrides {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(scoringFieldsSchema.shape) as (keyof typeof scoringFieldsSchema.shape)[]) {
    const v = s[k];
    if (v !== undefined) out[k] = typeof v === 'object' ? { ...v } : v;
  }
  return out as ScoringOverrides;
}
