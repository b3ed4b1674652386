import type { ReactNode } from 'react';
import type { CursorPages } from '../hooks/useCursorPages';
import { DataTable, type Column } from './DataTable';
import { ErrorMessage } from './ErrorMessage';
import { Empty, Loading } from './States';

/**
 * A cursor-paged list as every list page shows it: the error, a sentence
 * when nothing matches, the table, a loading line, and the button that
 * fetches the next page while there is one.
 */
export interface PagedTableTexts {
  /** Read out by screen readers (visually hidden). */
  caption: string;
  /** Shown when the list is empty (and did not fail). */
  empty: ReactNode;
  /** What is loading, for the status line ("Loading invoices"). */
  loading: string;
  /** The next-page button's label ("Load more" unless told). */
  more?: string;
}

export function PagedTable<T>({
  list,
  columns,
  rowKey,
  texts: { caption, empty, loading, more = 'Load more' },
}: {
  list: CursorPages<T>;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  texts: PagedTableTexts;
}) {
  return (
    <>
      <ErrorMessage error={list.error} />
      {list.items.length === 0 && !list.loading && list.error === undefined ? (
        <Empty>{empty}</Empty>
      ) : null}
      {list.items.length > 0 ? (
        <DataTable caption={caption} columns={columns} rows={list.items} rowKey={rowKey} />
      ) : null}
      {list.loading ? <Loading what={loading} /> : null}
      {list.cursor && !list.loading ? (
        <button type="button" className="button-secondary" onClick={list.loadMore}>
          {more}
        </button>
      ) : null}
    </>
  );
}
