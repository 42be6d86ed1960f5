// A table's header row from its column names: the history, competitor, result, compare and plan tables share it.
// Each cell is scoped to its column, as the heatmap's and the plan's week grid's were.

export function TableHead({ columns }: { columns: readonly React.ReactNode[] }): React.JSX.Element {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
