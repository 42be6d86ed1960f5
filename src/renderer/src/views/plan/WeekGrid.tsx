// One region's slots as a week grid: a row per week, a column per day of the week, each slot with its local time,
// its tag set and, in the cell's title, why each tag is there. A plain table with row and column headers, so a
// screen reader says "Week of 2026-11-23, Wednesday: 18:00 #…".
import type { PlanSlot } from '../../../../shared/plan';
import { ApiText } from '../../components/ApiText';
import { TableHead } from '../../components/TableHead';

const DAY_MS = 86_400_000;
const WEEKDAY = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
const at = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function WeekGrid({
  region,
  from,
  weeks,
  slots,
}: {
  region: string;
  from: string;
  weeks: number;
  slots: readonly PlanSlot[];
}): React.JSX.Element {
  const start = at(from);
  const days = Array.from({ length: 7 }, (_, d) => WEEKDAY.format(new Date(start + d * DAY_MS)));
  const byDate = new Map<string, PlanSlot[]>();
  for (const s of slots) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  return (
    <table className="plan-week-grid" aria-label={`Plan for ${region}`}>
      <TableHead columns={['Week of', ...days]} />
      <tbody>
        {Array.from({ length: weeks }, (_, w) => {
          const weekStart = start + w * 7 * DAY_MS;
          return (
            <tr key={w}>
              <th scope="row">{dateOf(weekStart)}</th>
              {days.map((d, i) => {
                const date = dateOf(weekStart + i * DAY_MS);
                const here = byDate.get(date) ?? [];
                return (
                  <td key={d} style={{ verticalAlign: 'top', minWidth: 90 }}>
                    {here.map((s) => (
                      <div key={s.uid} title={s.reasons.join('\n')} className="plan-slot">
                        <strong>{s.time}</strong>
                        <span className="muted"> {date.slice(5)}</span>
                        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                          {s.tags.map((t) => (
                            <li key={t}>
                              <ApiText text={`#${t}`} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
