// A region's tags that were not ranked: excluded (with the rule that excluded them) and failed (with a retry).
import type { FailedTag, RegionResult } from '../../../../shared/model';
import { ApiText, TagName } from '../../components/ApiText';
import { useRunStore } from '../../stores/run-store';

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
    <div className="aside-lists">
      {excluded.length > 0 && (
        <section aria-label={`Excluded in ${code}`}>
          <h3>Excluded</h3>
          <ul>
            {excluded.map((x) => (
              <li key={x.tag}>
                <span className="chip">{x.kind}</span> <TagName tag={x.tag} />:{' '}
                <ApiText text={x.reason} max={600} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {failed.length > 0 && (
        <section aria-label={`Failed in ${code}`}>
          <h3>Failed</h3>
          <ul>
            {failed.map((f) => (
              <li key={f.tag}>
                <span className="chip bad">{f.code}</span> <TagName tag={f.tag} />:{' '}
                <ApiText text={f.error} max={600} />
              </li>
            ))}
          </ul>
          <button onClick={() => void useRunStore.getState().retryFailed()}>Retry failed pairs</button>
        </section>
      )}
    </div>
  );
}
