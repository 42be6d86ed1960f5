// One tag's detail: its score in parts, its metrics, flags with reasons, momentum, and the sample's posts
// (likes, date, author, target hits).
import { useEffect, useState } from 'react';
import { flagReasonBesideEstimate } from '../../../../shared/estimate-words';
import { sameHashtag } from '../../../../shared/hashtag';
import { inert } from '../../../../shared/safe-text';
import type { SamplePost } from '../../../../shared/ipc/results';
import type { ScoredTag, ScoringSettings } from '../../../../shared/model';
import { invoke } from '../../bridge';
import { ApiText, TagName } from '../../components/ApiText';
import { scoreParts } from '../../../../shared/score-parts';
import { TableHead } from '../../components/TableHead';
import {
  confidenceWord,
  formatInterval,
  formatLikes,
  formatMomentum,
  formatRankRange,
  formatScore,
  formatVelocity,
  formatWhole,
  notComparableWords,
} from '../../../../shared/number-format';

export function ResultDetail(props: {
  tag: ScoredTag;
  region: string;
  settings: ScoringSettings;
  onClose(): void;
}): React.JSX.Element {
  const { tag: t, region, settings } = props;
  const [posts, setPosts] = useState<SamplePost[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPosts(null);
    setError(null);
    invoke('results:sample', { region, candidate: t.candidate })
      .then(setPosts)
      .catch((e: unknown) => setError((e as Error).message));
  }, [region, t.candidate]);
  const parts = scoreParts(t, settings);
  // Captions come back from the workspace's cache; where it no longer has them, only their hashtags, said once.
  const captionNote = posts?.find((p) => !p.captionFull)?.captionNote;
  return (
    <aside className="detail-pane" aria-label={`Detail of #${inert(t.tag)}`}>
      <header>
        <h2>
          <TagName tag={t.tag} /> <span className="muted">in {region}</span>
        </h2>
        <button
          className="icon-button"
          aria-label="Close the detail"
          title="Close the detail"
          onClick={props.onClose}
        >
          <span className="codicon codicon-close" aria-hidden="true" />
        </button>
      </header>
      {!sameHashtag(t.candidate, t.tag) && (
        <p className="muted">
          Listed as “<ApiText text={t.candidate} />
          ”.
        </p>
      )}
      <dl className="parts">
        <dt>Score</dt>
        <dd>
          <strong>{formatScore(t.score)}</strong> (rank {t.rank})
        </dd>
        <dt>
          <span className="swatch part v" aria-hidden="true" />
          Velocity
        </dt>
        <dd>
          {formatScore(parts.velocity)} pts — {formatVelocity(t.velocity)} of posts in the last{' '}
          {settings.windowDays} days
        </dd>
        <dt>
          <span className="swatch part d" aria-hidden="true" />
          Density
        </dt>
        <dd>
          {formatScore(parts.density)} pts — {formatLikes(t.density)} likes per post (median{' '}
          {formatLikes(t.medianLikes)})
        </dd>
        <dt>
          <span className="swatch part o" aria-hidden="true" />
          Overlap
        </dt>
        <dd>
          {formatScore(parts.overlap)} pts — {t.targetAuthors} of {t.distinctAuthors} authors are your targets
        </dd>
        {parts.penalty > 0 && (
          <>
            <dt>
              <span className="swatch part p" aria-hidden="true" />
              Ad penalty
            </dt>
            <dd>−{formatScore(parts.penalty)} pts (commercial)</dd>
          </>
        )}
        <dt>Sample</dt>
        <dd>
          {t.sample} posts ({t.served} served)
          {t.stoppedEarly && <span className="muted"> — {t.stoppedEarly}</span>}
        </dd>
        {t.estimate && (
          <>
            <dt>Score estimated</dt>
            <dd>
              {/* The words end with the in-hand score: said once. */}
              {formatScore(t.score)} for the full sample, {t.estimate.text} (the shares and counts above are
              the posts in hand; the points are the estimate)
            </dd>
          </>
        )}
        {t.history && (
          <>
            <dt>Momentum</dt>
            <dd>
              {t.history.notComparable
                ? notComparableWords(t.history.notComparable)
                : formatMomentum(t.history)}
            </dd>
          </>
        )}
        {t.confidence && (
          <>
            <dt>Confidence</dt>
            <dd>
              <span className={`chip confidence-${t.confidence.label.replace(/ /g, '-')}`}>
                {confidenceWord(t.confidence)}
              </span>{' '}
              {t.confidence.low === null || t.confidence.high === null
                ? 'no interval'
                : `90 % interval ${formatInterval(t.confidence)}`}
              , rank {formatRankRange(t.confidence)} across {t.confidence.resamples ?? 200} resamples of its
              authors
              {t.confidence.reason ? `. ${t.confidence.reason}` : '.'}
            </dd>
          </>
        )}
      </dl>
      {t.flags.length > 0 && (
        <ul className="flags">
          {t.flags.map((f) => (
            <li key={f.kind}>
              {/* A stopped tag's estimate is said in the score's lines above, not again here. */}
              <span className={`chip flag-${f.kind}`}>{f.kind}</span>{' '}
              {flagReasonBesideEstimate(f, t.estimate)}
            </li>
          ))}
        </ul>
      )}
      <h3>Sampled posts</h3>
      {error && <p className="error">{error}</p>}
      {!posts && !error && <p className="muted">Loading…</p>}
      {captionNote && <p className="muted">{captionNote}</p>}
      {posts && (
        <table className="posts">
          <TableHead columns={['Likes', 'Date', 'Author']} />
          <tbody>
            {posts.slice(0, 200).map((p) => (
              <tr key={p.id} className={p.target ? 'target' : ''} title={inert(p.caption, 300)}>
                <td className="num">{formatWhole(p.likes)}</td>
                <td>{p.createTime ? new Date(p.createTime * 1000).toISOString().slice(0, 10) : '—'}</td>
                <td>
                  @{p.authorId ? <ApiText text={p.authorId} max={40} /> : '—'}{' '}
                  {p.target && <span className="chip good">target</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
