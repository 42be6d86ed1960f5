// Two recorded runs compared: per region, each tag's rank and score after, and how they moved.
import type { RunComparison as Comparison } from '../../../../shared/history';
import { TagTable } from '../../components/TagTable';
import { formatScore, formatScoreChange, notComparableWords } from '../../../../shared/number-format';

type Row = Comparison['regions'][string]['rows'][number];

/** "new", "gone", "=", "▲3" or "▼2". */
function rankChangeText(t: Row): string {
  if (t.status === 'new' || t.status === 'gone') return t.status;
  // Unlike runs give no change (core/engine/comparable.ts): not "=", which would say nothing moved.
  if (t.rankChange === null) return '—';
  const change = t.rankChange;
  if (change === 0) return '=';
  return change > 0 ? `▲${change}` : `▼${-change}`;
}

export function RunComparison({ cmp }: { cmp: Comparison }): React.JSX.Element {
  return (
    <section aria-label="Comparison">
      <h2>
        {new Date(cmp.before.now).toLocaleDateString()} → {new Date(cmp.after.now).toLocaleDateString()} (
        {cmp.days.toFixed(1)} days)
      </h2>
      {cmp.notComparable && <p role="note">{notComparableWords(cmp.notComparable)}</p>}
      {cmp.comparedOver && <p role="note">{cmp.comparedOver}.</p>}
      {Object.values(cmp.regions).map((r) => (
        <div key={r.region}>
          <h3>{r.region}</h3>
          <TagTable
            className="compare-runs"
            columns={['Rank', 'Change', 'Score', 'Change']}
            rows={r.rows.slice(0, 30)}
            cells={(t) => (
              <>
                <td>{t.after?.rank ?? '—'}</td>
                <td>{rankChangeText(t)}</td>
                <td>{t.after ? formatScore(t.after.score) : '—'}</td>
                <td>{t.scoreChange === null ? '' : formatScoreChange(t.scoreChange)}</td>
              </>
            )}
          />
        </div>
      ))}
    </section>
  );
}
