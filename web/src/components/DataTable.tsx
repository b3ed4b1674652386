import type { ReactNode } from 'react';

// The list pages' table: a caption for screen readers, column headers with
// scope="col", one row per item. Links inside cells are ordinary links, so the
// keyboard reaches them with Tab; on a narrow phone the table scrolls sideways
// inside its wrapper instead of squeezing the page.

export interface Column<T> {
  /** The column's header text; also its React key, so unique within a table. */
  header: string;
  cell: (row: T) => ReactNode;
  /** The cells' class: fixed, or chosen per row. */
  className?: string | ((row: T) => string | undefined);
  /** A column the list can be sorted by: its header is a button, with aria-sort. */
  sort?: ColumnSort;
}

export interface ColumnSort {
  /** How the list is sorted by this column now ("none" when by another). */
  state: 'ascending' | 'descending' | 'none';
  onSort: () => void;
}

function HeaderCell({ header, sort }: { header: string; sort: ColumnSort | undefined }) {
  if (!sort) return <th scope="col">{header}</th>;
  const arrow = sort.state === 'ascending' ? '▲' : sort.state === 'descending' ? '▼' : '';
  return (
    <th scope="col" aria-sort={sort.state}>
      <button type="button" className="sort-button" onClick={sort.onSort}>
        {header}
        <span aria-hidden="true"> {arrow}</span>
      </button>
    </th>
  );
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  /** Read out by screen readers (visually hidden). */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.header} header={c.header} sort={c.sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td
                  key={c.header}
                  className={typeof c.className === 'function' ? c.className(row) : c.className}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
