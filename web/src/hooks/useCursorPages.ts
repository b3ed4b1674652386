import { useEffect, useState } from 'react';
import { api } from '../api/client';

// One cursor-paging state machine for every list the server pages: the first
// page whenever the path or the query changes, "load more" with the server's
// cursor, and late answers from an earlier filter dropped.

type Query = Record<string, string | number | undefined>;
type PageBody<T> = { items: T[] } & Record<string, unknown>;

export interface CursorPagesOptions<T> {
  /** Items per request (`limit`). */
  pageSize: number;
  /** The query parameter that carries the cursor: `cursor` unless told (the audit log's is `before`). */
  cursorParam?: string;
  /** The response field with the next cursor, null at the end: `next_cursor` unless told. */
  nextField?: string;
  /** Wait this long after the query last changed before asking (typing in a search box). */
  debounceMs?: number;
  /** Drop appended items whose key is already listed (lists that gain items while paging). */
  keyOf?: (item: T) => string | number;
}

export interface CursorPages<T> {
  /** In the server's order. */
  items: T[];
  /** Null once there is nothing more. */
  cursor: string | null;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** The last answer, and which request (path, query, reload count) it answers. */
interface Answer<T> {
  request: string;
  items: T[];
  cursor: string | null;
  error: unknown;
  /** A "load more" for this request is on its way. */
  more: boolean;
}

const NOTHING_YET: Answer<never> = {
  request: '',
  items: [],
  cursor: null,
  error: undefined,
  more: false,
};

function getPage<T>(
  path: string,
  queryText: string,
  limit: number,
  cursorParam: string,
  after: string | null,
  signal?: AbortSignal,
): Promise<PageBody<T>> {
  const query = { ...(JSON.parse(queryText) as Query), limit, [cursorParam]: after ?? undefined };
  return api.get<PageBody<T>>(path, query, signal);
}

function cursorOf(page: Record<string, unknown>, field: string): string | null {
  const next = page[field];
  return typeof next === 'string' || typeof next === 'number' ? String(next) : null;
}

export function useCursorPages<T>(
  path: string,
  query: Query,
  options: CursorPagesOptions<T>,
): CursorPages<T> {
  const { pageSize, cursorParam = 'cursor', nextField = 'next_cursor', debounceMs = 0 } = options;
  const { keyOf } = options;
  const [tick, setTick] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>(NOTHING_YET);
  // The query arrives as a new object every render; its text is what counts.
  const queryText = JSON.stringify(query);
  const request = JSON.stringify([path, queryText, pageSize, cursorParam, tick]);

  useEffect(() => {
    const controller = new AbortController();
    const ask = () =>
      getPage<T>(path, queryText, pageSize, cursorParam, null, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          const cursor = cursorOf(page, nextField);
          setAnswer({ request, items: page.items, cursor, error: undefined, more: false });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          // What was listed stays listed, under the error; no cursor to page on.
          setAnswer((a) => ({ ...a, request, error, cursor: null, more: false }));
        },
      );
    const timer = debounceMs > 0 ? window.setTimeout(() => void ask(), debounceMs) : undefined;
    if (timer === undefined) void ask();
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [path, queryText, pageSize, cursorParam, nextField, debounceMs, request]);

  const current = answer.request === request;
  const loadMore = () => {
    const after = answer.cursor;
    if (!current || answer.more || after === null) return;
    setAnswer((a) => ({ ...a, more: true, error: undefined }));
    const settle = (change: (a: Answer<T>) => Answer<T>) =>
      // An answer for a filter that has changed meanwhile is dropped.
      setAnswer((a) => (a.request === request ? change(a) : a));
    getPage<T>(path, queryText, pageSize, cursorParam, after).then(
      (page) =>
        settle((a) => {
          const known = new Set(keyOf ? a.items.map(keyOf) : []);
          const fresh = keyOf ? page.items.filter((i) => !known.has(keyOf(i))) : page.items;
          return {
            ...a,
            items: [...a.items, ...fresh],
            cursor: cursorOf(page, nextField),
            more: false,
          };
        }),
      (error: unknown) => settle((a) => ({ ...a, error, more: false })),
    );
  };

  return {
    items: answer.items,
    cursor: answer.cursor,
    loading: !current || answer.more,
    error: current ? answer.error : undefined,
    loadMore,
    reload: () => setTick((t) => t + 1),
  };
}
