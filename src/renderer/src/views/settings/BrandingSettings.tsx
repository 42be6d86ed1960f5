// The branding of the workspace's reports (tagfit.json's `branding`): agency, client, logo and accent colour, with
// a live preview of the header every report (Markdown, HTML, PDF) opens with. Saved with the other settings.
import { useEffect, useId, useState } from 'react';
import { type Branding, HEX_COLOUR } from '../../../../shared/branding';
import { useBrandingStore } from '../../stores/branding-store';
import { useWorkspaceStore } from '../../stores/workspace-store';

/** Empty fields are left out, so tagfit.json keeps only what was set. */
function tidy(b: Branding): Branding | undefined {
  const out = Object.fromEntries(
    Object.entries(b).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as Branding;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** What the report's title block says (core/report/title-block.ts says it the same way). */
function preparedLine(b: Branding): string {
  if (b.agency && b.client) return `Prepared by ${b.agency} for ${b.client}`;
  if (b.agency) return `Prepared by ${b.agency}`;
  if (b.client) return `Prepared for ${b.client}`;
  return 'Prepared by … for …';
}

export function BrandingSettings({
  value,
  onChange,
  readOnly,
}: {
  value: Branding | undefined;
  onChange: (b: Branding | undefined) => void;
  readOnly: boolean;
}): React.JSX.Element {
  const id = useId();
  const app = useWorkspaceStore((s) => s.status?.shell === 'electron');
  const { preview, problem, refresh, pickLogo } = useBrandingStore();
  const b = value ?? {};
  const [accentText, setAccentText] = useState(b.accent ?? '');
  const [typedLogo, setTypedLogo] = useState('');
  useEffect(() => setAccentText(value?.accent ?? ''), [value?.accent]);
  // The preview follows the draft; an accent still being typed is previewed once it is a colour.
  const previewed =
    tidy({ ...b, accent: b.accent && HEX_COLOUR.test(b.accent) ? b.accent : undefined }) ?? {};
  const key = JSON.stringify(previewed);
  useEffect(() => void refresh(JSON.parse(key) as Branding), [key, refresh]);
  const set = (patch: Partial<Branding>): void => onChange(tidy({ ...b, ...patch }));
  const accentValid = accentText === '' || HEX_COLOUR.test(accentText);
  const choose = async (file?: string): Promise<void> => {
    const logo = await pickLogo(file);
    if (logo) set({ logo });
  };
  return (
    <fieldset className="branding" disabled={readOnly}>
      <legend>Report branding</legend>
      <p className="muted">
        Every report (Markdown, HTML, PDF) opens with this header. The logo is a PNG, JPEG or SVG file inside
        the workspace (at most 2 MB); one chosen elsewhere is copied into its branding folder.
      </p>
      <div className="field">
        <label htmlFor={`${id}-agency`}>Agency</label>
        <input
          id={`${id}-agency`}
          maxLength={120}
          placeholder="who prepared the report"
          value={b.agency ?? ''}
          onChange={(e) => set({ agency: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-client`}>Client</label>
        <input
          id={`${id}-client`}
          maxLength={120}
          placeholder="who it is for"
          value={b.client ?? ''}
          onChange={(e) => set({ client: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-accent`}>Accent colour</label>
        <div className="inline">
          <input
            id={`${id}-accent`}
            placeholder="#1f6feb"
            value={accentText}
            aria-invalid={!accentValid}
            aria-describedby={`${id}-accent-help`}
            onChange={(e) => {
              const v = e.target.value.trim();
              setAccentText(v);
              if (v === '' || HEX_COLOUR.test(v)) set({ accent: v });
            }}
          />
          <input
            type="color"
            aria-label="Pick the accent colour"
            value={b.accent && HEX_COLOUR.test(b.accent) && b.accent.length === 7 ? b.accent : '#1f6feb'}
            onChange={(e) => set({ accent: e.target.value })}
          />
        </div>
        <span id={`${id}-accent-help`} className={accentValid ? 'muted' : 'error'}>
          {accentValid
            ? 'A CSS hex colour; the header’s text is black or white, whichever reads better on it.'
            : `"${accentText}" is not a hex colour such as #1f6feb or #17a.`}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-logo`}>Logo</label>
        <div className="inline">
          <output id={`${id}-logo`} className="path">
            {b.logo ?? 'none'}
          </output>
          {app ? (
            <button onClick={() => void choose()}>Choose logo…</button>
          ) : (
            <>
              <input
                aria-label="Logo file (absolute path)"
                className="path"
                placeholder="/home/you/acme-logo.png"
                value={typedLogo}
                onChange={(e) => setTypedLogo(e.target.value)}
              />
              <button disabled={typedLogo.trim() === ''} onClick={() => void choose(typedLogo.trim())}>
                Use this logo
              </button>
            </>
          )}
          {b.logo && <button onClick={() => set({ logo: undefined })}>Remove logo</button>}
        </div>
      </div>
      <figure className="brand-preview" aria-label="Preview of the report header">
        <div
          className="brand-header"
          style={
            preview?.accentText && previewed.accent
              ? { background: previewed.accent, color: preview.accentText }
              : undefined
          }
        >
          {preview?.logo && (
            <img src={preview.logo} alt={`Logo of ${b.agency ?? b.client ?? 'the agency'}`} />
          )}
          <span>{preparedLine(b)}</span>
        </div>
        <figcaption className="muted">
          {preview?.contrast
            ? `Header text ${preview.accentText === '#ffffff' ? 'white' : 'black'} on the accent: contrast ${preview.contrast.toFixed(1)}:1 (WCAG AA needs 4.5:1).`
            : 'Without an accent the header is light grey.'}
        </figcaption>
      </figure>
      {problem && (
        <p className="error" role="status">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
