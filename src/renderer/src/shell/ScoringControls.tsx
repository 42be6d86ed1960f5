// The side bar's controls for views ranked by the scoring (Results, Compare, Suggestions, Plan): the preset, the
// weights, the window and the sample size. Every edit but the sample size re-ranks at once from the samples in hand,
// at no credit.
import type { PresetName, Weights } from '../../../shared/model';
import {
  NEW_WORKSPACE_PRESET,
  PRESET_NAMES,
  PRESET_TABLE,
  SCORING_SETTINGS,
  WEIGHT_NAMES,
  WEIGHT_SETTINGS,
} from '../../../shared/scoring-registry';
import { NumberInput } from '../components/NumberInput';
import { useRunStore } from '../stores/run-store';
import { useWorkspaceStore } from '../stores/workspace-store';

const WINDOW = SCORING_SETTINGS.windowDays;
const PAGES = SCORING_SETTINGS.pages;
/** The sample sizes offered, within the registry's page range. */
const PAGE_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10].filter((n) => n >= PAGES.min && n <= PAGES.max);

/**
 * A slider and a number field for one weight; the field takes a typed value on Enter (or on leaving it). A value it
 * does not take (-1, 11, "abc") stays as typed, marked with its range, and is not used (as the window's field).
 */
function WeightInput({ k }: { k: keyof Weights }): React.JSX.Element {
  const setting = WEIGHT_SETTINGS[k];
  const value = useRunStore((s) => s.scoring?.weights[k] ?? 0);
  const setScoring = useRunStore((s) => s.setScoring);
  const use = (n: number | null): void => {
    const weights = useRunStore.getState().scoring?.weights;
    if (n !== null && weights) setScoring({ weights: { ...weights, [k]: n } });
  };
  return (
    <div className="weight">
      <NumberInput
        id={`w-${k}`}
        className="num"
        label={setting.label.replace(' weight', '')}
        ariaLabel={setting.label}
        range={setting}
        value={value}
        commitOn="enter"
        onValue={use}
        between={
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={Math.min(1, value)}
            aria-label={`${setting.label} slider`}
            onChange={(e) => use(Number(e.target.value))}
          />
        }
      />
    </div>
  );
}

export function ScoringControls(): React.JSX.Element | null {
  const ws = useWorkspaceStore((s) => s.workspace);
  const scoring = useRunStore((s) => s.scoring);
  const setScoring = useRunStore((s) => s.setScoring);
  if (!ws) return null;
  const presetLabel = scoring
    ? isPreset(ws.presetWeights, scoring)
      ? scoring.preset
      : 'custom'
    : NEW_WORKSPACE_PRESET;
  return (
    <>
      <h3>Scoring</h3>
      <label htmlFor="preset">Preset</label>
      <select
        id="preset"
        value={presetLabel}
        onChange={(e) => {
          const p = e.target.value as PresetName;
          if (ws.presetWeights[p]) setScoring({ preset: p, weights: { ...ws.presetWeights[p] } });
        }}
      >
        {PRESET_NAMES.map((p) => (
          <option key={p} value={p}>
            {PRESET_TABLE[p].label}
          </option>
        ))}
        <option value="custom" disabled>
          custom
        </option>
      </select>
      {WEIGHT_NAMES.map((k) => (
        <WeightInput key={k} k={k} />
      ))}
      <div className="weight">
        {/* A window it does not take is marked, its range said, and not used (the results keep theirs). */}
        <NumberInput
          id="window-days"
          className="num"
          label="Window (days)"
          ariaLabel="Velocity window in days"
          range={WINDOW}
          value={scoring?.windowDays ?? WINDOW.default}
          commitOn="enter"
          onValue={(n) => {
            if (n !== null) setScoring({ windowDays: n });
          }}
        />
      </div>
      <div className="weight">
        <label htmlFor="pages">Sample size (pages of {ws.scoring.pageSize} posts)</label>
        <select
          id="pages"
          aria-label="Sample size in pages"
          value={scoring?.pages ?? PAGES.default}
          onChange={(e) => setScoring({ pages: Number(e.target.value) })}
        >
          {PAGE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n} ({n * ws.scoring.pageSize} posts)
            </option>
          ))}
        </select>
      </div>
      <p className="hint">
        Weights, preset and window re-rank from the samples already fetched: 0 credits. The sample size
        applies at the next run.
      </p>
    </>
  );
}

function isPreset(
  presets: Record<string, Weights> | undefined,
  s: { preset: string; weights: Weights },
): boolean {
  const w = presets?.[s.preset];
  return (
    w !== undefined &&
    (Object.keys(w) as (keyof Weights)[]).every((k) => Math.abs(w[k] - s.weights[k]) < 1e-9)
  );
}
