// A table of hashtags, one row a tag: its name first (inert, as ApiText shows it), then the view's cells. The
// competitors' tags and the comparison of two runs share it.
import { TagName } from './ApiText';
import { TableHead } from './TableHead';

export function TagTable<R extends { tag: string }>({
  className,
  columns,
  rows,
  cells,
}: {
  className?: string;
  /** The headers after "Tag". */
  columns: readonly React.ReactNode[];
  rows: readonly R[];
  /** The row's cells after its tag's, as <td>s. */
  cells: (row: R) => React.ReactNode;
}): React.JSX.Element {
  return (
    <table className={className}>
      <TableHead columns={['Tag', ...columns]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.tag}>
            <td>
              <TagName tag={r.tag} />
            </td>
            {cells(r)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
