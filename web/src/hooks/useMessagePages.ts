import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MessagePage, SmsMessage } from '../api/types';

export interface MessagePages {
  /** Newest first, as the server sends them. */
  items: SmsMessage[];
  /** Null once there is nothing older. */
  cursor: string | null;
  loading: boolean;
  error: unknown;
  loadOlder: () => void;
  reload: () => void;
}

/**
 * Pages of text messages (newest first) from `path`, with "load older" by
 * the server's cursor. Changing `query` starts over; late answers from an
 * earlier filter are dropped.
 */
export function useMessagePages(
  path: string,
  query: Record<string, string | number | undefined>,
  pageSize: number,
): MessagePages {
  const [items, setItems] = useState<SmsMessage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);

  const fetchPage = async (after: string | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<MessagePage>(
        path,
        { ...query, limit: pageSize, cursor: after },
        signal,
      );
      if (signal?.aborted) return;
      setItems((prev) =>
        append
          ? [...prev, ...page.items.filter((m) => !prev.some((p) => p.id === m.id))]
          : page.items,
      );
      setCursor(
        page.next_cursor === null || page.next_cursor === undefined
          ? null
          : String(page.next_cursor),
      );
    } catch (err) {
      if (!signal?.aborted) setError(err);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(null, false, controller.signal);
    return () => controller.abort();
    // Re-run only when the inputs named here change (fetchPage reads them fresh).
  }, [path, key, tick]);

  return {
    items,
    cursor,
    loading,
    error,
    loadOlder: () => {
      if (cursor) void fetchPage(cursor, true);
    },
    reload: () => setTick((t) => t + 1),
  };
}
