// One competitor's hashtags: share and score per region, a tick per tag to add it to the candidates (generic tags
// and tags excluded in every region unticked, with why), and Add, which says what it added and what it skipped.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CompetitorDecode } from '../../../../shared/decode';
import { addAdvice, describeAdded } from '../../../../shared/decode-add';
import { hashtagKey } from '../../../../shared/hashtag';
import { inert } from '../../../../shared/safe-text';
import { ApiText } from '../../components/ApiText';
import { TagTable } from '../../components/TagTable';
import { useListsStore } from '../../stores/lists-store';

export function CompetitorTags({
  competitor: c,
  candidates,
}: {
  competitor: CompetitorDecode;
  /** The candidates now (hashtag keys): those tags are not offered again. */
  candidates: ReadonlySet<string>;
}): React.JSX.Element {
  const advice = useMemo(() => new Map(c.tags.map((t) => [t.tag, addAdvice(t)])), [c]);
  // Ticked by default: what the advice adds. The user may tick a generic tag anyway: Add then says so.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(
    () => new Set(c.tags.filter((t) => advice.get(t.tag)?.add).map((t) => t.tag)),
  );
  const [said, setSaid] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const saidLine = useRef<HTMLParagraphElement>(null);
  // Add disables itself once its tags are candidates: the focus it held would fall to the page, so it goes to the
  // line that says what was added.
  useEffect(() => {
    const button = addButton.current;
    const now = document.activeElement;
    if (said && button?.disabled && (now === button || now === document.body || !now))
      saidLine.current?.focus();
  }, [said]);
  const fresh = c.tags.filter((t) => !candidates.has(hashtagKey(t.tag)));
  const chosen = fresh.filter((t) => ticked.has(t.tag)).map((t) => t.tag);
  const toggle = (tag: string, on: boolean): void => {
    const next = new Set(ticked);
    if (on) next.add(tag);
    else next.delete(tag);
    setTicked(next);
  };
  const add = async (): Promise<void> => {
    const lists = useListsStore.getState();
    await lists.add('tags', chosen);
    // What the list took: a tag it refuses stays out (and says why in Candidates).
    const valid = new Set(
      useListsStore
        .getState()
        .lists.tags.rows.filter((r) => r.problem === null)
        .map((r) => hashtagKey(r.value)),
    );
    const added = chosen.filter((t) => valid.has(hashtagKey(t)));
    const skipped = fresh
      .filter((t) => !added.includes(t.tag))
      .map((t) => ({
        tag: t.tag,
        why: chosen.includes(t.tag) ? 'refused by the list' : (advice.get(t.tag)?.why ?? 'not ticked'),
      }));
    setSaid(describeAdded(added, skipped));
  };
  const regions = Object.keys(c.tags[0]?.regions ?? {});
  return (
    <section aria-label={`Tags of @${inert(c.username)}`}>
      <h2>
        @<ApiText text={c.username} max={40} /> <span className="muted">{c.sample} recent posts</span>
        <button ref={addButton} disabled={chosen.length === 0} onClick={() => void add()}>
          Add {chosen.length} {chosen.length === 1 ? 'tag' : 'tags'} to the candidates
        </button>
      </h2>
      <p ref={saidLine} role="status" className="muted" tabIndex={-1}>
        {said}
      </p>
      <TagTable
        columns={['Add', 'Share of posts', ...regions, 'Note']}
        rows={c.tags}
        cells={(t) => {
          const known = candidates.has(hashtagKey(t.tag));
          const why = advice.get(t.tag)?.why;
          return (
            <>
              <td>
                {known ? (
                  <span className="muted">a candidate</span>
                ) : (
                  <input
                    type="checkbox"
                    aria-label={`Add #${inert(t.tag, 100)}`}
                    checked={ticked.has(t.tag)}
                    onChange={(e) => toggle(t.tag, e.target.checked)}
                  />
                )}
              </td>
              <td>{(t.share * 100).toFixed(0)}%</td>
              {regions.map((r) => {
                const s = t.regions[r];
                return (
                  <td key={r}>{s?.status === 'ranked' ? `${s.score.toFixed(1)} (#${s.rank})` : s?.status}</td>
                );
              })}
              <td className="muted">{why && !known ? `not ticked: ${why}` : ''}</td>
            </>
          );
        }}
      />
    </section>
  );
}
