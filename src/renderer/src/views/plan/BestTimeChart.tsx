// The best-time evidence of one region as a small chart: likes by local hour of posting against each tag's median
// (1 = typical) with the 95 % interval band, the best window shaded when there is one; the same figures as a table
// for screen readers and keyboard users.
import type { TimingEvidence } from '../../../../shared/plan';

const W = 480;
const H = 150;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

const fmt = (x: number): string => `${x.toFixed(2)}×`;

export function BestTimeChart({ evidence }: { evidence: TimingEvidence }): React.JSX.Element {
  const { region, byHour, bestTime } = evidence;
  const id = `best-time-${region}`;
  const shown = byHour.filter((h) => h.posts > 1);
  // A log scale around 1, wide enough for the band, never past 1/8–8.
  const lo = Math.max(1 / 8, Math.min(0.5, ...shown.map((h) => h.low)));
  const hi = Math.min(8, Math.max(2, ...shown.map((h) => h.high)));
  const x = (hour: number): number => PAD.left + ((W - PAD.left - PAD.right) * (hour + 0.5)) / 24;
  const y = (v: number): number => {
    const t = (Math.log(Math.min(hi, Math.max(lo, v))) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
    return H - PAD.bottom - t * (H - PAD.top - PAD.bottom);
  };
  const band = [
    ...shown.map((h) => `${x(h.hour)},${y(h.high)}`),
    ...[...shown].reverse().map((h) => `${x(h.hour)},${y(h.low)}`),
  ].join(' ');
  const line = shown.map((h) => `${x(h.hour)},${y(h.lift)}`).join(' ');
  const from = bestTime ? Number(bestTime.from.slice(0, 2)) : 0;
  const to = bestTime ? Number(bestTime.to.slice(0, 2)) || 24 : 0;
  const summary = bestTime
    ? `Posts made ${bestTime.from}–${bestTime.to} (${bestTime.timeZone}) got ${bestTime.lift.toFixed(1)}× the likes of the rest, 95 % interval ${bestTime.interval[0].toFixed(1)}–${bestTime.interval[1].toFixed(1)}.`
    : `No window of hours beats the rest by more than chance in ${region}.`;
  return (
    <figure className="best-time-chart" style={{ margin: '8px 0' }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <title id={`${id}-title`}>{`Likes by hour of posting in ${region}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {bestTime && (
          <rect
            x={x(from) - (x(1) - x(0)) / 2}
            y={PAD.top}
            width={((to - from + 24) % 24 || 24) * (x(1) - x(0))}
            height={H - PAD.top - PAD.bottom}
            fill="var(--good)"
            opacity={0.15}
          />
        )}
        <polygon points={band} fill="var(--accent)" opacity={0.2} />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(1)}
          y2={y(1)}
          stroke="var(--fg-muted)"
          strokeDasharray="3 3"
        />
        <polyline points={line} fill="none" stroke="var(--accent)" strokeWidth={2} />
        {[lo, 1, hi].map((v) => (
          <text key={v} x={PAD.left - 4} y={y(v) + 4} textAnchor="end" fontSize={10} fill="var(--fg-muted)">
            {v >= 1 ? `${v.toFixed(v === 1 ? 0 : 1)}×` : `${v.toFixed(2)}×`}
          </text>
        ))}
        {[0, 6, 12, 18, 23].map((h) => (
          <text key={h} x={x(h)} y={H - 6} textAnchor="middle" fontSize={10} fill="var(--fg-muted)">
            {`${String(h).padStart(2, '0')}h`}
          </text>
        ))}
      </svg>
      <figcaption className="muted">
        Likes by local hour of posting ({evidence.timeZone}), each post against its tag&apos;s median (1× =
        typical), with the 95 % interval band{bestTime ? '; the best window shaded' : ''}. {summary}
      </figcaption>
      <details>
        <summary>Likes by hour as a table</summary>
        <table aria-label={`Likes by hour in ${region}`}>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Posts</th>
              <th scope="col">Likes vs median</th>
              <th scope="col">95 % interval</th>
            </tr>
          </thead>
          <tbody>
            {byHour.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                <td className="num">{h.posts}</td>
                <td className="num">{h.posts > 0 ? fmt(h.lift) : '–'}</td>
                <td className="num">{h.posts > 1 ? `${fmt(h.low)}–${fmt(h.high)}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
