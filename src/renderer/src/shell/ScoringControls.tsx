// The side bar's controls for views ranked by the scoring (Results, Compare, Suggestions, Plan): the preset, the
// weights, the window and the sample size. Every edit but the sample size re-ranks at once from the samples in hand,
// at no credit.
import { useEffect, useState } from 'react';
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

/** A slider and a number field for one weight; the field takes a typed value on Enter (or on leaving it). */
function WeightInput({ k }: { k: keyof Weights }): React.JSX.Element {
  const { label, min, max } = WEIGHT_SETTINGS[k];
  const value = useRunStore((s) => s.scoring?.weights[k] ?? 0);
  const setScoring = useRunStore((s) => s.setScoring);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = (raw: string): void => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      setText(String(value));
      return;
    }
    const weights = useRunStore.getState().scoring?.weights;
    if (weights) setScoring({ weights: { ...weights, [k]: n } });
  };
  const id = `w-${k}`;
  return (
    <div className="weight">
      <label htmlFor={id}>{label.replace(' weight', '')}</label>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={Math.min(1, value)}
        aria-label={`${label} slider`}
        onChange={(e) => commit(e.target.value)}
      />
      <input
        id={id}
        className="num"
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
          if (e.key === 'Escape') setText(String(value));
        }}
        onBlur={() => commit(text)}
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
