// A table's header row from its column names: the history, competitor and result tables share the layout.

export function TableHead({ columns }: { columns: readonly React.ReactNode[] }): React.JSX.Element {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i}>{c}</th>
        ))}
      </tr>
    </thead>
  );
}
