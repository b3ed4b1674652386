/** A table's column headers (scope="col"), for tables whose rows are their own components. */
export function HeaderRow({ headers }: { headers: string[] }) {
  return (
    <thead>
      <tr>
        {headers.map((h) => (
          <th scope="col" key={h}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
