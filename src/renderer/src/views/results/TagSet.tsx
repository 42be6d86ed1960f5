// The tag set to post with, for one region: its tags as chips that select as separate words, each with why it was
// picked in its hover text, and Copy, which puts "#a #b #c" on the clipboard as a caption takes it.
import { Fragment, useEffect, useState } from 'react';
import type { RegionPicks } from '../../../../shared/discover';
import { inert } from '../../../../shared/safe-text';
import { TagName } from '../../components/ApiText';

/** "#a #b #c": the set as it goes into a caption (words apart, one space between). */
export const tagSetText = (set: RegionPicks): string => set.picks.map((p) => `#${p.tag}`).join(' ');

export function TagSet({ set, updating }: { set: RegionPicks; updating?: boolean }): React.JSX.Element {
  const [said, setSaid] = useState('');
  // A new set (a re-weighting) is not the one that was copied.
  useEffect(() => setSaid(''), [set]);
  const copy = (): void => {
    navigator.clipboard
      .writeText(tagSetText(set))
      .then(() => setSaid('Copied'))
      .catch(() => setSaid('Could not copy: select the tags and copy them'));
  };
  return (
    // While a re-weighting's set is on its way the last one stays, greyed and busy, and cannot be copied.
    <div
      className={`tag-set ${updating ? 'pending' : ''}`}
      role="group"
      aria-label={`Tag set ${set.region}`}
      aria-busy={updating === true}
    >
      Tag set to post with:{' '}
      <span className="tag-set-chips" role="list" aria-label={`Tags to post with in ${set.region}`}>
        {set.picks.map((p, i) => (
          // The space between chips is text, so a selection reads "#a #b", not "#a#b".
          <Fragment key={p.candidate}>
            {i > 0 && ' '}
            <span role="listitem" className="chip" title={inert(p.reason, 600)}>
              <TagName tag={p.tag} />
            </span>
          </Fragment>
        ))}
      </span>{' '}
      <button
        className="small"
        aria-label={`Copy tag set ${set.region}`}
        title="Copy the tags, space-separated, for a caption"
        onClick={copy}
        disabled={updating}
      >
        Copy
      </button>{' '}
      <span role="status" className="muted">
        {updating ? 'updating…' : said}
      </span>{' '}
      <span className="muted">(high scores that reach different posts; hover for why)</span>
    </div>
  );
}
