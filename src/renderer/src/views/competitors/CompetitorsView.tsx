// Competitors: enter usernames, decode the hashtags of their recent captions, see each tag's share and score
// per region; add the ticked ones to the candidates (CompetitorTags). The decode is a job of the jobs store: its
// progress, Cancel and result stay when the user switches views.
import { useMemo, useState } from 'react';
import { hashtagKey } from '../../../../shared/hashtag';
import { TextInput } from '../../components/TextInput';
import { JobHint, JobProgress } from '../../components/JobProgress';
import { decodeCompetitors, estimateDecode } from '../../stores/job-actions';
import { useWorkspaceStore } from '../../stores/workspace-store';
import type { DecodeEstimate } from '../../../../shared/decode-estimate';
import { CompetitorTags } from './CompetitorTags';
import { DecodeConfirm } from './DecodeConfirm';
import { isGoing, useLatestJob } from '../../stores/jobs-store';
import { splitPaste, useListsStore } from '../../stores/lists-store';
import { ApiText } from '../../components/ApiText';

export function CompetitorsView(): React.JSX.Element {
  const job = useLatestJob('decode');
  // The field shows the last decode's question until the user types another.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? job?.input.map((u) => `@${u}`).join(', ') ?? '';
  const busy = isGoing(job);
  const result = job?.result ?? null;
  // Like Run, a decode says what it will cost before it spends: the estimate first, then Start decode.
  const [asking, setAsking] = useState<{ names: string[]; estimate: DecodeEstimate } | null>(null);
  const demo = useWorkspaceStore((s) => s.workspace?.demo ?? false);
  const run = (): void => {
    if (busy || !text.trim()) return;
    const names = splitPaste(text);
    void estimateDecode(names).then((estimate) => estimate && setAsking({ names, estimate }));
  };
  const tagRows = useListsStore((s) => s.lists.tags.rows);
  const candidates = useMemo(() => new Set(tagRows.map((r) => hashtagKey(r.value))), [tagRows]);
  return (
    <div className="decode">
      <div className="toolbar">
        <TextInput
          label="Competitor usernames"
          placeholder="@competitor, @another"
          value={text}
          onChange={setTyped}
          onEnter={run}
        />
        <button className="primary" disabled={busy || !text.trim()} onClick={run}>
          {busy ? 'Decoding…' : 'Decode'}
        </button>
      </div>
      {asking && (
        <DecodeConfirm
          estimate={asking.estimate}
          demo={demo}
          onClose={() => setAsking(null)}
          onStart={() => {
            setAsking(null);
            void decodeCompetitors(asking.names);
          }}
        />
      )}
      <JobProgress job={job} name="Decode" />
      <JobHint job={job}>
        Decode reads each competitor's last 60 posts (their profile and two or three pages: about 3 credits
        each), takes the hashtags from the captions and scores them in this workspace's regions. Add the ones
        worth trying to your candidates: generic tags (#viral) and tags excluded everywhere start unticked.
      </JobHint>
      {result?.failed.map((f) => (
        <p key={f.username} className="error">
          @{f.username}: <ApiText text={f.error} max={600} />
        </p>
      ))}
      {result?.competitors.map((c) => (
        // A new decode's tags start from the advice again.
        <CompetitorTags key={`${result.now} ${c.username}`} competitor={c} candidates={candidates} />
      ))}
    </div>
  );
}
