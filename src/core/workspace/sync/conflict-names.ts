// Recognises the copies sync clients make when one of Tagfit's own files changed on two computers: Dropbox,
// OneDrive, Google Drive and Syncthing each name theirs differently. Pure: a file name in, what it is a copy of out.

export type SyncClient = 'dropbox' | 'onedrive' | 'google-drive' | 'syncthing';

export interface ConflictName {
  /** The name of the file it is a copy of, in the same folder. */
  original: string;
  client: SyncClient;
  /** The other computer as the sync client named it, when it did. */
  device?: string;
  /** The date in the name (YYYY-MM-DD), when there is one. */
  date?: string;
}

/** Files at a workspace's top level that Tagfit writes under a fixed name. */
const FIXED_NAMES = new Set([
  'tagfit.json',
  'tags.csv',
  'creators.csv',
  'regions.csv',
  // A list's rows as typed while some are refused (core/input/list-draft.ts).
  'tags.draft.csv',
  'creators.draft.csv',
  'regions.draft.csv',
  'watch.json',
  'localize.json',
  '.gitignore',
]);
const REPORT = /^[A-Za-z0-9]+-\d{4}-\d\d-\d\d(?:-partial)?\.(?:md|svg|csv|html|pdf|json)$/;
/** Names Tagfit gives files inside its folders: runs, cache entries, lock notes, reports. */
const OWN_PATTERNS = [
  /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(?:-\d+)?(?:--[a-z0-9-]+)?\.json$/, // a run
  /^[0-9a-f]{64}\.json$/, // a cache entry
  /^[a-z0-9][a-z0-9-]+\.json$/, // a lock note (data/locks/<device>.json)
  REPORT,
];

/** True for a name Tagfit itself gives a file (so a look-alike of a user's own file is never taken for a copy). */
export function isOwnName(name: string): boolean {
  return FIXED_NAMES.has(name) || OWN_PATTERNS.some((p) => p.test(name));
}

/** "tags.csv" → ["tags", ".csv"]; ".gitignore" → [".gitignore", ""]. */
function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
}

// "tagfit (Anna's conflicted copy 2026-12-06).json", "… (conflicted copy 2026-12-06 (1)).json", and the older
// "tagfit (Anna's conflicted copy 2026-12-06 1).json" Dropbox wrote for a second conflict the same day.
const DROPBOX = /^(.*) \((?:(.+?)['’]s )?conflicted copy (\d{4}-\d\d-\d\d)(?: \(?\d+\)?)?\)$/;
// "watch.sync-conflict-20261206-101010-ABCDEF7.json": Syncthing puts its mark before the last extension.
const SYNCTHING = /^(.*)\.sync-conflict-(\d{4})(\d\d)(\d\d)-\d{6}-([A-Z0-9]{5,8})(\..*)?$/;
// "tags (1).csv": Google Drive (and Windows Explorer) number a second file of the same name.
const NUMBERED = /^(.*) \((\d{1,3})\)$/;
// "tagfit-LAPTOP-7.json": OneDrive adds the computer's name after a dash.
const SUFFIXED = /^(.*?)-([A-Za-z0-9][A-Za-z0-9_-]{0,62})$/;

/**
 * What a file name is a conflicted copy of, or undefined. Dropbox's and Syncthing's marks are unmistakable;
 * Google Drive's " (1)" and OneDrive's "-DEVICE" are taken only when the original is a name Tagfit gives (a
 * user's "tags (draft).csv" or "tags-old.csv" is theirs, not a copy).
 */
export function conflictOf(name: string): ConflictName | undefined {
  const sync = SYNCTHING.exec(name);
  if (sync) {
    const [, stem, y, m, d, device, ext] = sync;
    return { original: `${stem}${ext ?? ''}`, client: 'syncthing', device, date: `${y}-${m}-${d}` };
  }
  const [stem, ext] = splitExt(name);
  const drop = DROPBOX.exec(stem);
  if (drop) {
    const [, base, device, date] = drop;
    return { original: `${base}${ext}`, client: 'dropbox', ...(device ? { device } : {}), date };
  }
  // Not a report: "US-2026-12-06 (1).md" is the name Tagfit itself writes when the report is open in Excel.
  const numbered = NUMBERED.exec(stem);
  if (numbered && isOwnName(`${numbered[1]}${ext}`) && !REPORT.test(`${numbered[1]}${ext}`)) {
    return { original: `${numbered[1]}${ext}`, client: 'google-drive' };
  }
  // Only fixed names and cache entries: a run's or report's own name has dashes a suffix could be cut from. A
  // list is the user's file ("tags-old.csv" is theirs): there only a computer name as Windows writes it, in capitals.
  const suffixed = SUFFIXED.exec(stem);
  if (suffixed) {
    const [, base, device] = suffixed as unknown as [string, string, string];
    const original = `${base}${ext}`;
    const listFile = ext === '.csv';
    if (
      (FIXED_NAMES.has(original) || /^[0-9a-f]{64}\.json$/.test(original)) &&
      (!listFile || !/[a-z]/.test(device))
    )
      return { original, client: 'onedrive', device };
  }
  return undefined;
}
