// Localise: each candidate's local-language variants per region from the last run's samples (no credit), a table
// per candidate with a row per region: the variant, its evidence in words, both scores once sampled, Sample (its
// credit estimate on the button before anything is spent) and Add as candidate (through the lists store).
import { useCallback, useEffect, useState } from 'react';
import { sharePercent } from '../../../../shared/discover';
import { equivalentEvidence, localiseAdvice } from '../../../../shared/localize';
import type { LocalizeRow } from '../../../../shared/ipc/localize';
import { inert } from '../../../../shared/safe-text';
import { invoke } from '../../bridge';
import { ApiText, TagName } from '../../components/ApiText';
import { TableHead } from '../../components/TableHead';
import { useListsStore } from '../../stores/lists-store';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';

const key = (r: LocalizeRow): string => `${r.tag}|${r.region}|${r.equivalent}`;

/** "at most 4 credits", "4–16 credits", "0 credits (in the cache)". */
export function costText(cost: LocalizeRow['cost']): string {
  if (cost === null) return 'nothing to fetch';
  if (cost.max === 0) return '0 credits, in the cache';
  const n = cost.min === cost.max ? `${cost.max}` : `${cost.min}–${cost.max}`;
  return `${n} credit${cost.max === 1 ? '' : 's'}`;
}

const score = (x: number | null): string => (x === null ? 'not sampled' : x.toFixed(2));

export function LocalizeView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const lists = useListsStore((s) => s.lists);
  const add = useListsStore((s) => s.add);
  const [found, setFound] = useState<{ rows: LocalizeRow[]; tested: number; fdr: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    invoke('localize:find', {})
      .then((f) => {
        setFound(f);
        useUiStore.getState().succeeded('Finding local variants');
      })
      .catch((e: unknown) => useUiStore.getState().report('Finding local variants', e));
  }, []);
  useEffect(() => {
    if (outcome) load();
  }, [outcome, load]);
  if (!outcome)
    return (
      <div className="localize">
        <p className="muted">Run first: local variants come from the posts a run sampled, at no credit.</p>
      </div>
    );
  const sample = (rows: LocalizeRow[], what: string): void => {
    setBusy(what);
    setStatus(`Sampling ${what}…`);
    invoke('localize:sample', {
      pairs: rows.map(({ tag, region, equivalent }) => ({ tag, region, equivalent })),
    })
      .then((r) => {
        const done = new Map(r.rows.map((x) => [key(x), x]));
        setFound((f) => (f ? { ...f, rows: f.rows.map((x) => done.get(key(x)) ?? x) } : f));
        useUiStore.getState().succeeded('Sampling variants');
        setStatus(
          `${what}: ${r.credits.used} credit${r.credits.used === 1 ? '' : 's'} spent${r.stopped ? `; stopped: ${r.stopped.message}` : ''}.`,
        );
      })
      .catch((e: unknown) => {
        setStatus(`${what}: not sampled.`);
        useUiStore.getState().report('Sampling variants', e);
      })
      .finally(() => setBusy(null));
  };
  const isCandidate = (tag: string): boolean => lists.tags.rows.some((r) => r.value === tag);
  const byTag = new Map<string, LocalizeRow[]>();
  for (const r of found?.rows ?? []) byTag.set(r.tag, [...(byTag.get(r.tag) ?? []), r]);
  const unsampled = (found?.rows ?? []).filter((r) => r.score === null && r.cost !== null);
  const total = unsampled.reduce((t, r) => ({ min: t.min + r.cost!.min, max: t.max + r.cost!.max }), {
    min: 0,
    max: 0,
  });
  return (
    <div className="localize">
      <p className="muted">
        A tag that rides along on many of a candidate&apos;s posts in one region and few elsewhere is its
        local variant there (bilingual posters tag both). Found from the samples in hand at no credit
        {found
          ? `: ${found.tested.toLocaleString('en')} pairs tested at a ${sharePercent(found.fdr)} false discovery rate`
          : ''}
        ; declared ones come from the workspace&apos;s variants.csv. Local posters who never use the global
        tag are not seen here: declare those.
      </p>
      {unsampled.length > 1 && (
        <button disabled={busy !== null} onClick={() => sample(unsampled, 'every variant')}>
          Sample every variant ({costText(total)})
        </button>
      )}
      <p role="status" aria-live="polite" className="muted">
        {status}
      </p>
      {found && found.rows.length === 0 && (
        <p className="muted">No local variant stands out in these samples, and none is declared.</p>
      )}
      {[...byTag].map(([tag, rows]) => (
        <section key={tag} aria-label={`Local variants of #${inert(tag)}`}>
          <h2>
            <TagName tag={tag} />
          </h2>
          <table className="localize-table">
            <caption className="sr-only">Local variants of #{inert(tag)} by region</caption>
            <TableHead
              columns={['Region', 'Variant', 'Evidence', 'Variant score', `#${inert(tag)} score`, 'Actions']}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={key(r)}>
                  <th scope="row">{r.region}</th>
                  <td>
                    <TagName tag={r.equivalent} />
                    {r.source === 'declared' && <span className="muted"> (declared)</span>}
                  </td>
                  <td>
                    <ApiText text={equivalentEvidence(r)} max={600} />
                    {localiseAdvice(r) && (
                      <>
                        <br />
                        <strong>
                          <ApiText text={localiseAdvice(r)!} />
                        </strong>
                      </>
                    )}
                    {r.note && (
                      <>
                        <br />
                        <ApiText text={r.note} max={300} />
                      </>
                    )}
                  </td>
                  <td className="num">{score(r.score)}</td>
                  <td className="num">{score(r.tagScore)}</td>
                  <td className="actions">
                    <button
                      disabled={busy !== null || r.cost === null}
                      aria-label={`${r.score === null ? 'Sample' : 'Sample again'} (${costText(r.cost)}) #${inert(r.equivalent)} in ${r.region}`}
                      onClick={() => sample([r], `#${r.equivalent} in ${r.region}`)}
                    >
                      {r.score === null ? 'Sample' : 'Sample again'} ({costText(r.cost)})
                    </button>{' '}
                    <button
                      disabled={isCandidate(r.equivalent)}
                      aria-label={`${isCandidate(r.equivalent) ? 'A candidate' : 'Add as candidate'} #${inert(r.equivalent)}`}
                      onClick={() => void add('tags', [r.equivalent])}
                    >
                      {isCandidate(r.equivalent) ? 'A candidate' : 'Add as candidate'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
