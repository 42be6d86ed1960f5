// Settings: the workspace's (tagfit.json: preset, window, pages, threshold, cache lifetime, plan) and the app's
// (theme, the key: set, test, delete; never shown).
import { useEffect, useState } from 'react';
import {
  PRESET_NAMES,
  RUN_SETTINGS,
  SCORING_SETTINGS,
  type NumberSetting,
} from '../../../../shared/scoring-registry';
import type { WorkspaceSettings } from '../../../../shared/workspace-settings';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { BrandingSettings } from './BrandingSettings';

/** The number fields this view edits, each the registry's setting of that name. */
const NUMBER_FIELDS = {
  windowDays: SCORING_SETTINGS.windowDays,
  pages: SCORING_SETTINGS.pages,
  velocityThreshold: RUN_SETTINGS.velocityThreshold,
  cacheMaxAgeHours: RUN_SETTINGS.cacheMaxAgeHours,
  requestsPerMinute: RUN_SETTINGS.requestsPerMinute,
} as const satisfies Partial<Record<keyof WorkspaceSettings, NumberSetting>>;
type NumberField = keyof typeof NUMBER_FIELDS;

export function SettingsView(): React.JSX.Element {
  const { workspace, app, key, saveSettings, setTheme, setKey, testKey, deleteKey, settingsProblems } =
    useWorkspaceStore();
  // The fields the last save refused, marked with their message until the user edits them or saves again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [settingsProblems]);
  const problem = (field: string): string | undefined =>
    edited.has(field)
      ? undefined
      : settingsProblems.find((p) => p.field.replace(/^settings\./, '').split('.')[0] === field)?.message;
  const touched = (field: string): void => {
    if (!edited.has(field)) setEdited(new Set([...edited, field]));
  };
  /** The refusal beside a field, tied to it for assistive technology; null when there is none. */
  const refusal = (field: string): React.JSX.Element | null => {
    const message = problem(field);
    return message === undefined ? null : (
      <span id={`s-${field}-problem`} className="error">
        {message}
      </span>
    );
  };
  const invalid = (field: string) =>
    problem(field) === undefined
      ? {}
      : { 'aria-invalid': true as const, 'aria-describedby': `s-${field}-problem` };
  const [draft, setDraft] = useState<WorkspaceSettings | null>(workspace?.settings ?? null);
  const [keyText, setKeyText] = useState('');
  const [test, setTest] = useState<string | null>(null);
  const [ownText, setOwnText] = useState((workspace?.settings.ownAccounts ?? []).join(', '));
  useEffect(() => {
    setDraft(workspace?.settings ?? null);
    setOwnText((workspace?.settings.ownAccounts ?? []).join(', '));
  }, [workspace?.settings]);
  const presetValue: Partial<Record<keyof WorkspaceSettings, number>> = {
    windowDays: workspace?.presetScoring?.windowDays,
    pages: workspace?.presetScoring?.pages,
  };
  // Label, range and step are the scoring registry's, so the app offers exactly what tagfit.json accepts.
  const num = (field: NumberField, step = 1): React.JSX.Element | null =>
    draft ? (
      <div className="field">
        <label htmlFor={`s-${field}`}>{NUMBER_FIELDS[field].label}</label>
        <input
          id={`s-${field}`}
          type="number"
          min={NUMBER_FIELDS[field].min}
          max={NUMBER_FIELDS[field].max}
          step={NUMBER_FIELDS[field].int ? 1 : step}
          value={(draft[field] as number | undefined) ?? ''}
          placeholder={presetValue[field] !== undefined ? `the preset's: ${presetValue[field]}` : undefined}
          {...invalid(field)}
          onChange={(e) => {
            touched(field);
            setDraft({ ...draft, [field]: e.target.value === '' ? undefined : Number(e.target.value) });
          }}
        />
        {refusal(field)}
      </div>
    ) : null;
  return (
    <div className="settings">
      {workspace && draft && (
        <section aria-label="Workspace settings">
          <h2>Workspace: {workspace.name}</h2>
          <p className="muted">Saved in {workspace.dir}/tagfit.json, which cron runs of the CLI read too.</p>
          <div className="field">
            <label htmlFor="s-preset">Default preset</label>
            <select
              id="s-preset"
              value={draft.preset}
              onChange={(e) => setDraft({ ...draft, preset: e.target.value as WorkspaceSettings['preset'] })}
            >
              {PRESET_NAMES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-sampling">{SCORING_SETTINGS.sampling.label}</label>
            <select
              id="s-sampling"
              value={draft.sampling ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  sampling: e.target.value === '' ? undefined : (e.target.value as 'full' | 'adaptive'),
                })
              }
            >
              <option value="">the preset&apos;s ({workspace.presetScoring?.sampling ?? 'full'})</option>
              <option value="full">full: every page of every tag</option>
              <option value="adaptive" disabled={draft.preset === 'seed'}>
                adaptive: more pages only where the ranking is undecided
              </option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-own">Your own accounts</label>
            <input
              id="s-own"
              placeholder="yourname, yourbrand"
              value={ownText}
              {...invalid('ownAccounts')}
              onChange={(e) => {
                touched('ownAccounts');
                setOwnText(e.target.value);
                setDraft({
                  ...draft,
                  ownAccounts: e.target.value
                    .split(/[\s,;]+/)
                    .map((a) => a.replace(/^@/, ''))
                    .filter(Boolean),
                });
              }}
            />
            {refusal('ownAccounts')}
          </div>
          {num('windowDays')}
          {num('pages')}
          {num('velocityThreshold', 0.05)}
          {num('cacheMaxAgeHours')}
          {num('requestsPerMinute')}
          <BrandingSettings
            value={draft.branding}
            onChange={(branding) => setDraft({ ...draft, branding })}
            readOnly={workspace.readOnly}
          />
          <button className="primary" disabled={workspace.readOnly} onClick={() => void saveSettings(draft)}>
            Save settings
          </button>
        </section>
      )}
      <section aria-label="App settings">
        <h2>App</h2>
        <div className="field">
          <label htmlFor="s-theme">Theme</label>
          <select
            id="s-theme"
            value={app?.theme ?? 'system'}
            onChange={(e) => void setTheme(e.target.value as 'system' | 'light' | 'dark')}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </section>
      <section aria-label="TikLiveAPI key">
        <h2>TikLiveAPI key</h2>
        <p className={`key-state ${key?.state ?? ''}`}>{key?.message ?? '…'}</p>
        <div className="field">
          <label htmlFor="s-key">New key (stored in the OS keychain, never shown again)</label>
          <input
            id="s-key"
            type="password"
            autoComplete="off"
            value={keyText}
            onChange={(e) => setKeyText(e.target.value)}
          />
        </div>
        <div className="buttons">
          <button
            disabled={keyText.trim().length < 8}
            onClick={() => {
              // A key the keychain could not store stays in the field, so it need not be pasted again.
              void setKey(keyText).then((saved) => saved && setKeyText(''));
            }}
          >
            Save key
          </button>
          <button onClick={() => void testKey().then((r) => setTest(r.message))}>Test key</button>
          <button onClick={() => void deleteKey()}>Delete key</button>
        </div>
        {test && (
          <p role="status" className="muted">
            {test}
          </p>
        )}
      </section>
    </div>
  );
}
