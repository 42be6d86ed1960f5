// Compare regions: a heat map of scores, tags × regions, to decide where to localise. Each tag's best region
// is marked.
import { useRunStore } from '../../stores/run-store';
import { TagName } from '../../components/ApiText';
import { TableHead } from '../../components/TableHead';
import { formatScore } from '../../../../shared/number-format';

export function CompareView(): React.JSX.Element {
  const outcome = useRunStore((s) => s.outcome);
  if (!outcome) return <p className="empty">Run first: the heat map compares the regions of a run.</p>;
  const regions = Object.keys(outcome.result.regions);
  const tags = new Map<string, Record<string, number>>();
  for (const [code, r] of Object.entries(outcome.result.regions))
    for (const t of r.ranked) tags.set(t.tag, { ...(tags.get(t.tag) ?? {}), [code]: t.score });
  const rows = [...tags.entries()]
    .map(([tag, scores]) => ({ tag, scores, best: Math.max(...Object.values(scores)) }))
    .sort((a, b) => b.best - a.best);
  return (
    <div className="compare">
      <table className="heatmap" aria-label="Scores by tag and region">
        <caption>
          Each tag's score in every region of the last run, darker for higher; the region where it scores best
          is outlined.
        </caption>
        <TableHead columns={['Tag', ...regions]} />
        <tbody>
          {rows.map(({ tag, scores, best }) => (
            <tr key={tag}>
              <th scope="row">
                <TagName tag={tag} />
              </th>
              {regions.map((r) => {
                const v = scores[r];
                return (
                  <td
                    key={r}
                    className={v !== undefined && v === best ? 'best' : ''}
                    style={
                      v === undefined
                        ? undefined
                        : {
                            // The accent at an opacity that follows the score, up to 45 %: the theme's own text
                            // keeps 4.5:1 on every cell, light and dark (axe's colour-contrast check).
                            background: `rgb(var(--heat-rgb) / ${((Math.max(0, Math.min(100, v)) / 100) * 0.45).toFixed(3)})`,
                          }
                    }
                    title={
                      v === undefined
                        ? 'not ranked'
                        : `${formatScore(v)}${v === best ? ' (best region)' : ''}`
                    }
                  >
                    {v === undefined ? '—' : formatScore(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
