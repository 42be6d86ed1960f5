// One hashtag over time: its rank and score in every recorded run that scored it (history:tag).
import { useState } from 'react';
import type { TagHistoryPoint } from '../../../../shared/ipc/history';
import { invoke } from '../../bridge';
import { TableHead } from '../../components/TableHead';
import { TextInput } from '../../components/TextInput';
import { useUiStore } from '../../stores/ui-store';
import { formatScore } from '../../../../shared/number-format';

export function TagOverTime(): React.JSX.Element {
  const [tag, setTag] = useState('');
  const [points, setPoints] = useState<TagHistoryPoint[] | null>(null);
  return (
    <section aria-label="A tag over time">
      <h2>A tag over time</h2>
      <TextInput
        label="Tag to follow"
        placeholder="#tag, then Enter"
        value={tag}
        onChange={setTag}
        onEnter={() => {
          if (tag.trim())
            invoke('history:tag', { tag: tag.trim() })
              .then(setPoints)
              .catch((err: unknown) => useUiStore.getState().report('Reading the tag history', err));
        }}
      />
      {points && points.length === 0 && <p className="muted">That tag is in no recorded run.</p>}
      {points && points.length > 0 && (
        <table>
          <TableHead columns={['When', 'Region', 'Rank', 'Score']} />
          <tbody>
            {points.map((p) => (
              <tr key={`${p.runId}-${p.region}`}>
                <td>{new Date(p.now).toLocaleDateString()}</td>
                <td>{p.region}</td>
                <td>{p.rank}</td>
                <td>{formatScore(p.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
