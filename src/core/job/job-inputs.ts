// Where a job's lists and scoring settings come from, for every job alike: a file the caller names wins over the
// workspace's, which wins over the demo lists; an explicit preset starts from that preset alone.
import path from 'node:path';
import type { PresetName, ScoringSettings } from '../../shared/model';
import { resolveSettings, type SettingsOverrides } from '../engine/presets';
import { TagfitError } from '../errors';
import { DEFAULT_PRESET, settingRef } from '../../shared/scoring-registry';
import type { Workspace } from '../workspace/layout';
import { scoringOverrides } from '../workspace/settings';

export type JobListName = 'tags' | 'creators' | 'regions';

export interface ListSources {
  workspace?: Workspace;
  /** List files that win over the workspace's (the CLI's --tags, --creators, --regions). */
  files?: Partial<Record<JobListName, string>>;
  /** The folder of the demo lists, used when neither a file nor a workspace gives a list (--demo). */
  demoDir?: string;
}

/** The file a list is read from; undefined when nothing gives one and it is optional. */
export function listPath(name: JobListName, src: ListSources, required: true): string;
export function listPath(name: JobListName, src: ListSources, required: boolean): string | undefined;
export function listPath(name: JobListName, src: ListSources, required: boolean): string | undefined {
  const given = src.files?.[name] ?? src.workspace?.paths[name];
  if (given) return given;
  if (src.demoDir) return path.join(src.demoDir, `${name}.csv`);
  if (required)
    throw new TagfitError(
      'input',
      `${settingRef(name)} is required (or ${settingRef('workspace')}, or ${settingRef('demo')}).`,
      { settings: [name, 'workspace', 'demo'] },
    );
  return undefined;
}

/** The scoring settings of a job: the workspace's preset and fields, unless a preset is chosen for this run. */
export function resolveJobSettings(
  workspace: Workspace | undefined,
  preset: PresetName | undefined,
  overrides: SettingsOverrides | undefined,
  notice?: (m: string) => void,
): ScoringSettings {
  const ws = workspace?.settings;
  // The workspace's scoring fields belong to its preset: an explicit preset starts from that preset alone.
  const own = ws && !preset ? scoringOverrides(ws) : undefined;
  return resolveSettings(
    preset ?? ws?.preset ?? DEFAULT_PRESET,
    { ...own, ...overrides, weights: { ...own?.weights, ...overrides?.weights } },
    notice,
  );
}
