// A region's tags that were not ranked: excluded (with the rule that excluded them) and failed (with a retry).
import type { FailedTag, RegionResult } from '../../../../shared/model';
import { ApiText, TagName } from '../../components/ApiText';
import { useRunStore } from '../../stores/run-store';

interface Item {
  tag: string;
  /** The kind of exclusion or the error's code, as a chip. */
  chip: string;
  bad: boolean;
  /** Why: the API's or the engine's words, shown inert. */
  text: string;
}

function TagReasons({ title, items }: { title: string; items: Item[] }): React.JSX.Element {
  return (
    <>
      {/* Under the view's heading of level one: the next level, styled as a small caption. */}
      <h2 className="caption">{title}</h2>
      <ul>
        {items.map((x) => (
          // A Problems entry reveals its row here: focusable by the script, not a Tab stop.
          <li key={x.tag} data-tag={x.tag} tabIndex={-1}>
            <span className={x.bad ? 'chip bad' : 'chip'}>{x.chip}</span> <TagName tag={x.tag} />:{' '}
            <ApiText text={x.text} max={600} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function ExcludedAndFailed({
  code,
  excluded,
  failed,
}: {
  code: string;
  excluded: RegionResult['excluded'];
  failed: readonly FailedTag[];
}): React.JSX.Element | null {
  if (excluded.length === 0 && failed.length === 0) return null;
  return (
    // It scrolls when long: a Tab stop of its own, so the keyboard can scroll it too.
    <div className="aside-lists" role="region" aria-label={`Not ranked in ${code}`} tabIndex={0}>
      {excluded.length > 0 && (
        <section aria-label={`Excluded in ${code}`}>
          <TagReasons
            title="Excluded"
            items={excluded.map((x) => ({ tag: x.tag, chip: x.kind, bad: false, text: x.reason }))}
          />
        </section>
      )}
      {failed.length > 0 && (
        <section aria-label={`Failed in ${code}`}>
          <TagReasons
            title="Failed"
            items={failed.map((f) => ({ tag: f.tag, chip: f.code, bad: true, text: f.error }))}
          />
          <button onClick={() => void useRunStore.getState().retryFailed()}>Retry failed pairs</button>
        </section>
      )}
    </div>
  );
}
