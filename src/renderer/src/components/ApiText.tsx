// API text as the app shows it (a hashtag's name, an author, a line that quotes them): made inert by the step the
// reports use (shared/safe-text) and isolated in <bdi>, so neither a direction override nor right-to-left text can
// reorder what stands around it.
import { sameHashtag } from '../../../shared/hashtag';
import { inert } from '../../../shared/safe-text';

export function ApiText({ text, max }: { text: string; max?: number }): React.JSX.Element {
  return <bdi>{inert(text, max)}</bdi>;
}

/** "#name" as the API answered it, and the name asked for when the API answered under another one. */
export function TagName({ tag, candidate }: { tag: string; candidate?: string }): React.JSX.Element {
  return (
    <>
      #<ApiText text={tag} />
      {candidate !== undefined && !sameHashtag(candidate, tag) && (
        <span className="muted asked-as">
          {' '}
          (asked as #<ApiText text={candidate} />)
        </span>
      )}
    </>
  );
}
