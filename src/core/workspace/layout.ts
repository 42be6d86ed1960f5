// A workspace is a folder a person owns (shared drive, git): lists as CSV, settings as JSON, reports, data.
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readlink, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TagfitError } from '../errors';
import { writeFileAtomically } from './json-file';
import { applyEdit } from './sync/settings-merge';
import { inert } from '../../shared/safe-text';
import { fieldLabel, type ListName, NEW_WORKSPACE_PRESET } from '../../shared/scoring-registry';
import { normaliseUsername, usernameProblem } from '../../shared/username';
import { type ListResult, readCreatorList, readRegionList, readTagList } from '../input/csv-lists';
import {
  SETTINGS_FILE,
  loadSettings,
  saveSettingsFile,
  settingsSchema,
  type WorkspaceSettings,
  type WorkspaceSettingsInput,
} from './settings';

export interface WorkspacePaths {
  root: string;
  settings: string;
  /** Candidate hashtags, column `tag`. */
  tags: string;
  /** Target creators, column `unique_id`. */
  creators: string;
  /** Regions, column `code`. */
  regions: string;
  reports: string;
  data: string;
  cache: string;
  history: string;
  /** Older Tagfits' lock folder (one for every computer, so a shared drive could not keep it): read, never taken. */
  lock: string;
  /** Older Tagfits' note of who holds the lock: read as another holder's. */
  lockHolder: string;
  /** Each computer's lock and note of who holds it, `<device>.lock/` and `<device>.json` (lock.ts). */
  locks: string;
  /** Copies a sync client made, kept here once their content is merged (sync/fix.ts). */
  merged: string;
}

export interface Workspace {
  /** The workspace folder, absolute (same as paths.root). */
  dir: string;
  paths: WorkspacePaths;
  settings: WorkspaceSettings;
}

/** The list files and the header each starts with (the same columns the CLI reads). */
export const LIST_FILES = {
  tags: { file: 'tags.csv', header: 'tag' },
  creators: { file: 'creators.csv', header: 'unique_id' },
  regions: { file: 'regions.csv', header: 'code' },
} as const satisfies Record<ListName, { file: string; header: string }>;
export type { ListName };

export function workspacePaths(dir: string): WorkspacePaths {
  const root = path.resolve(dir);
  const data = path.join(root, 'data');
  return {
    root,
    settings: path.join(root, SETTINGS_FILE),
    tags: path.join(root, LIST_FILES.tags.file),
    creators: path.join(root, LIST_FILES.creators.file),
    regions: path.join(root, LIST_FILES.regions.file),
    reports: path.join(root, 'reports'),
    data,
    cache: path.join(data, 'cache'),
    history: path.join(data, 'history'),
    lock: path.join(data, 'tagfit.lock'),
    lockHolder: path.join(data, 'lock-holder.json'),
    locks: path.join(data, 'locks'),
    merged: path.join(data, 'merged'),
  };
}

const CACHE_GITIGNORE =
  '# Cached TikLiveAPI answers: large and re-fetchable, so not committed.\n# Run history (../history) is worth sharing.\n*\n!.gitignore\n';
const DATA_GITIGNORE =
  '# Present only while a Tagfit works on this workspace.\ntagfit.lock/\nlock-holder.json\nlocks/\n';

const exists = async (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

/**
 * The folders Tagfit writes into must be real folders inside the workspace: a reports/ or data/history/ that is a
 * link would send reports, history and cache to wherever it leads, without a word. Refused, naming the link and
 * its target (the workspace folder itself may be reached through a link). Missing folders are fine: they are made.
 */
async function checkContained(p: WorkspacePaths): Promise<void> {
  let root: string;
  try {
    root = await realpath(p.root);
  } catch {
    return; // not there yet: initWorkspace creates it
  }
  for (const dir of [p.reports, p.data, p.cache, p.history]) {
    const st = await lstat(dir).catch(() => undefined);
    if (!st) continue;
    let leadsTo: string | undefined;
    if (st.isSymbolicLink()) leadsTo = path.resolve(path.dirname(dir), await readlink(dir));
    else {
      const real = await realpath(dir);
      if (real !== root && !real.startsWith(`${root}${path.sep}`)) leadsTo = real;
    }
    if (leadsTo !== undefined) {
      throw new TagfitError(
        'storage',
        `${dir} is a link to ${leadsTo}: Tagfit writes reports, history and cache only inside the workspace folder ${p.root}. Replace the link with a real folder (move its files in) to open this workspace.`,
        { path: dir },
      );
    }
  }
}

async function ensureFolders(p: WorkspacePaths): Promise<void> {
  await checkContained(p);
  try {
    for (const d of [p.reports, p.cache, p.history]) await mkdir(d, { recursive: true });
    // Written only when missing: a person may have edited them.
    for (const [file, text] of [
      [path.join(p.cache, '.gitignore'), CACHE_GITIGNORE],
      [path.join(p.data, '.gitignore'), DATA_GITIGNORE],
    ] as const) {
      await writeFile(file, text, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  } catch (e) {
    throw new TagfitError(
      'storage',
      `Cannot prepare the workspace folders in ${p.root}: ${(e as Error).message}`,
      {
        path: p.root,
      },
    );
  }
}

const LIST_READERS: Record<ListName, (file: string) => Promise<ListResult>> = {
  tags: readTagList,
  creators: readCreatorList,
  regions: readRegionList,
};

export interface InitOptions {
  /** CSV files to copy in as the workspace's lists; a list without one starts as just its header. */
  from?: Partial<Record<ListName, string>>;
  settings?: Partial<WorkspaceSettingsInput>;
}

/**
 * Creates a workspace in `dir` (created if needed). Refuses a folder that already has a tagfit.json, and never
 * replaces a list file already there with a copy.
 */
export async function initWorkspace(dir: string, opts: InitOptions = {}): Promise<Workspace> {
  const paths = workspacePaths(dir);
  if (await exists(paths.settings)) {
    throw new TagfitError('input', `${paths.root} is already a Tagfit workspace (it has ${SETTINGS_FILE}).`, {
      path: paths.settings,
    });
  }
  const settingsInput = { version: 1 as const, preset: NEW_WORKSPACE_PRESET, ...opts.settings };
  const checked = settingsSchema.safeParse(settingsInput);
  if (!checked.success) {
    throw new TagfitError(
      'input',
      `Settings for the new workspace are not valid: ${checked.error.issues[0]?.message}`,
    );
  }
  const lists = Object.entries(LIST_FILES) as [ListName, (typeof LIST_FILES)[ListName]][];
  // Check every source first, so a bad one leaves no half-made workspace behind.
  for (const [name] of lists) {
    const source = opts.from?.[name];
    if (!source) continue;
    // The same reader a run uses: a FIFO, a binary file or invalid rows are refused here, not at the first run.
    const list = await LIST_READERS[name](source);
    if (list.errors.length > 0) {
      const lines = list.errors.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.reason}`);
      throw new TagfitError(
        'input',
        `${source} cannot be the workspace's ${name} list:\n  ${lines.join('\n  ')}`,
        { path: source },
      );
    }
    if (await exists(paths[name])) {
      throw new TagfitError('input', `${paths[name]} already exists; it was not replaced by ${source}.`, {
        path: paths[name],
      });
    }
  }
  try {
    await mkdir(paths.root, { recursive: true });
  } catch (e) {
    throw new TagfitError('storage', `Cannot create ${paths.root}: ${(e as Error).message}`, {
      path: paths.root,
    });
  }
  for (const [name, spec] of lists) {
    const target = paths[name];
    const source = opts.from?.[name];
    if (source) {
      try {
        await copyFile(path.resolve(source), target, constants.COPYFILE_EXCL);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const msg =
          err.code === 'EEXIST'
            ? `${target} already exists; it was not replaced by ${source}.`
            : `Cannot copy ${source} to ${target}: ${err.message}`;
        throw new TagfitError(err.code === 'EEXIST' ? 'input' : 'storage', msg, { path: target });
      }
    } else {
      await writeFile(target, `${spec.header}\n`, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') {
          throw new TagfitError('storage', `Cannot write ${target}: ${e.message}`, { path: target });
        }
      });
    }
  }
  await ensureFolders(paths);
  await saveSettingsFile(paths.settings, checked.data);
  return { dir: paths.root, paths, settings: checked.data };
}

/**
 * Opens a workspace: its paths and validated settings. A damaged or newer settings file throws
 * TagfitError('storage') and is left untouched; missing data folders (e.g. after a git clone) are recreated.
 */
export async function openWorkspace(dir: string): Promise<Workspace> {
  const paths = workspacePaths(dir);
  const settings = await loadSettings(paths.settings);
  if (!settings) {
    throw new TagfitError(
      'input',
      `${paths.root} is not a Tagfit workspace: ${SETTINGS_FILE} is missing. Create one there first (init).`,
      { path: paths.settings },
    );
  }
  await ensureFolders(paths);
  return { dir: paths.root, paths, settings };
}

/**
 * Saves the workspace's settings atomically; see saveSettingsFile for a damaged or newer file already there. Own
 * accounts must be usernames (a path or a script is refused here, naming it, not at the first track run). Given
 * `base` (the settings the edit started from), only the fields the edit changed are applied to the file as it is
 * now: another computer's change to another field, synced meanwhile, is kept.
 */
export async function saveSettings(
  dir: string,
  edited: WorkspaceSettingsInput,
  opts: { base?: WorkspaceSettingsInput } = {},
): Promise<{ keptAside?: string }> {
  let settings = edited;
  if (opts.base) {
    const current = await loadSettings(workspacePaths(dir).settings).catch(() => undefined);
    if (current) settings = applyEdit(current, opts.base, edited);
  }
  // Named by the field's label, every bad name at once (the app's form marks the field and says them all).
  const ownAccounts = settings.ownAccounts?.map(normaliseUsername);
  const bad = (settings.ownAccounts ?? []).flatMap((raw, i) => {
    const problem = usernameProblem(ownAccounts![i]!);
    return problem === undefined ? [] : [`"${inert(raw, 40)}" is not a TikTok username: ${problem}`];
  });
  if (bad.length > 0) {
    const label = fieldLabel(['ownAccounts'])!;
    const message = `${bad.join('; ')}.`;
    throw new TagfitError('input', `${label}: ${message}`, {
      fields: [{ field: 'ownAccounts', label, message }],
    });
  }
  return saveSettingsFile(
    workspacePaths(dir).settings,
    ownAccounts ? { ...settings, ownAccounts: [...new Set(ownAccounts)] } : settings,
  );
}

/**
 * Saves a list as the workspace's CSV file, in the format the CLI reads (its header, one value a line), atomically:
 * a list edited in the app and run from cron is one list. The values must already be checked (listFromValues).
 */
export async function saveListFile(ws: Workspace, name: ListName, values: readonly string[]): Promise<void> {
  const text = `${[LIST_FILES[name].header, ...values].join('\n')}\n`;
  await writeFileAtomically(ws.paths[name], text);
}
