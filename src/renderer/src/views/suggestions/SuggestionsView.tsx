// Suggestions: hashtags and creators found in the last run's samples (no credit), each with its evidence and an Add
// button (nothing is added silently), and the tag set to post with per region, each pick with its reason.
import { useEffect, useState } from 'react';
import {
  type CreatorSuggestion,
  creatorEvidence,
  type RegionPicks,
  tagEvidence,
  type TagSuggestion,
} from '../../../../shared/discover';
import { inert } from '../../../../shared/safe-text';
import { invoke } from '../../bridge';
import { ApiText, TagName } from '../../components/ApiText';
import { NumberInput } from '../../components/NumberInput';
import { PICK_K } from '../../../../shared/ipc/discover';
import { useListsStore } from '../../stores/lists-store';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';
import { formatScore } from '../../../../shared/number-format';

export function SuggestionsView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  const lists = useListsStore((s) => s.lists);
  const add = useListsStore((s) => s.add);
  const [found, setFound] = useState<{ tags: TagSuggestion[]; creators: CreatorSuggestion[] } | null>(null);
  const [picks, setPicks] = useState<RegionPicks[] | null>(null);
  const [k, setK] = useState<number>(PICK_K.default);
  useEffect(() => {
    if (!outcome) return;
    invoke('discover:suggest', {})
      .then((r) => {
        setFound(r);
        useUiStore.getState().succeeded('Finding suggestions');
      })
      .catch((e: unknown) => useUiStore.getState().report('Finding suggestions', e));
  }, [outcome]);
  useEffect(() => {
    if (!outcome) return;
    invoke('discover:pick', { k })
      .then((r) => {
        setPicks(r);
        useUiStore.getState().succeeded('Picking the tag set');
      })
      .catch((e: unknown) => useUiStore.getState().report('Picking the tag set', e));
  }, [outcome, k]);
  if (!outcome)
    return (
      <div className="suggestions">
        <p className="muted">Run first: suggestions come from the posts a run sampled, at no credit.</p>
      </div>
    );
  const added = (list: 'tags' | 'creators', v: string): boolean =>
    lists[list].rows.some((r) => r.value === v);
  // A tag suggested in several regions is one candidate: one row, one Add, its evidence region by region.
  const byTag = new Map<string, TagSuggestion[]>();
  for (const s of found?.tags ?? []) byTag.set(s.tag, [...(byTag.get(s.tag) ?? []), s]);
  return (
    <div className="suggestions">
      <section aria-label="Suggested hashtags">
        <h2>Suggested hashtags</h2>
        <p className="muted">
          Tags that the high scorers&apos; sampled posts use much more than the rest do, not candidates yet.
        </p>
        {found && found.tags.length === 0 && <p className="muted">None stands out in these samples.</p>}
        <ul className="suggestion-list">
          {[...byTag].map(([tag, evidence]) => (
            <li key={tag}>
              <button
                disabled={added('tags', tag)}
                aria-label={`Add #${inert(tag)} to the candidates`}
                onClick={() => void add('tags', [tag])}
              >
                {added('tags', tag) ? 'Added' : 'Add'}
              </button>
              <span>
                <strong>
                  <TagName tag={tag} />
                </strong>{' '}
                {evidence.map((s, i) => (
                  <span key={s.region}>
                    {i > 0 ? '; ' : ''}
                    <span className="muted">{s.region}</span>: <ApiText text={tagEvidence(s)} max={600} />
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Suggested creators">
        <h2>Suggested creators</h2>
        {found && found.creators.length === 0 && <p className="muted">None in several high scorers.</p>}
        <ul className="suggestion-list">
          {found?.creators.map((c) => (
            <li key={c.username}>
              <button
                disabled={added('creators', c.username)}
                aria-label={`Add @${inert(c.username)} to the target creators`}
                onClick={() => void add('creators', [c.username])}
              >
                {added('creators', c.username) ? 'Added' : 'Add'}
              </button>
              <span>
                <strong>
                  @<ApiText text={c.username} />
                </strong>
                : <ApiText text={creatorEvidence(c)} max={600} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Tag set">
        <h2>Tag set to post with</h2>
        {/* A count it does not take stays as typed, marked with its range; the set shown stays the last one. */}
        <NumberInput
          id="pick-k"
          label="Tags in the set"
          type="number"
          range={PICK_K}
          value={k}
          onValue={(n) => {
            if (n !== null) setK(n);
          }}
        />
        {picks?.map((r) => (
          <div key={r.region} className="pick-region">
            <h3>{r.region}</h3>
            <ol aria-label={`Tag set ${r.region}`}>
              {r.picks.map((p) => (
                <li key={p.candidate}>
                  <strong>
                    <TagName tag={p.tag} candidate={p.candidate} />
                  </strong>{' '}
                  {formatScore(p.score)} — <ApiText text={p.reason} max={600} />
                </li>
              ))}
            </ol>
            {r.passedOver.length > 0 && (
              <p className="muted">
                Left out:{' '}
                <ApiText text={r.passedOver.map((p) => `#${p.tag} (${p.reason})`).join('; ')} max={2000} />
              </p>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
