// Says when a sync client (Dropbox, OneDrive, Google Drive, Syncthing) left conflicted copies of Tagfit's files in
// the open workspace, announced politely to screen readers; Review lists them and merges what can be merged.
import { useSyncStore } from '../stores/sync-store';

export function SyncBanner(): React.JSX.Element | null {
  const check = useSyncStore((s) => s.check);
  const reviewing = useSyncStore((s) => s.reviewing);
  const merging = useSyncStore((s) => s.merging);
  const { review, merge } = useSyncStore.getState();
  if (!check || (check.conflicts === 0 && !check.merged?.length && !check.failed?.length)) return null;
  const mergeable = check.findings.filter((f) => f.kind === 'conflict' && f.fix === 'merge').length;
  const n = check.conflicts;
  const summary =
    n === 0
      ? 'The conflicted copies were merged.'
      : `${n} conflicted cop${n === 1 ? 'y' : 'ies'} of Tagfit's files in this workspace` +
        `${mergeable > 0 ? ` (${mergeable} can be merged)` : ''}: a sync client made ${n === 1 ? 'it' : 'them'} ` +
        'when the folder changed on two computers.';
  return (
    <div className="alert sync-banner" role="status" aria-label="Conflicted copies">
      <span className="codicon codicon-warning" aria-hidden="true" />
      <span className="alert-message">{summary}</span>
      <button onClick={() => review(!reviewing)} aria-expanded={reviewing}>
        Review
      </button>
      {reviewing && (
        <div className="detail">
          <ul className="sync-findings">
            {check.findings.map((f) => (
              <li key={`${f.kind}:${f.path}`}>{f.message}</li>
            ))}
            {check.merged?.map((m) => (
              <li key={`merged:${m}`}>Merged: {m}</li>
            ))}
            {check.failed?.map((m) => (
              <li key={`failed:${m}`}>Not merged: {m}</li>
            ))}
          </ul>
          {mergeable > 0 && (
            <button className="primary" disabled={merging} onClick={() => void merge()}>
              {merging ? 'Merging…' : 'Merge what can be merged'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
