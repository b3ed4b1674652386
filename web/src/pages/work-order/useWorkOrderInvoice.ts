import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Invoice, Page } from '../../api/types';
import { useApi } from '../../hooks/useApi';

/**
 * The invoice of a work order, for people who see billing: whether time and
 * parts may still change (only while there is no invoice or it is a draft).
 * The server has no filter by work order, so this looks among the newest
 * invoices (a work order is invoiced after it is completed, so its invoice is
 * recent); a work order's older invoice is learnt from the server's 409
 * work_order_invoiced instead.
 */
export function useWorkOrderInvoice(woId: number, enabled: boolean) {
  return useApi(
    async (signal) => {
      if (!enabled) return null;
      const page = await api.get<Page<Invoice>>('/invoices', { limit: 200 }, signal);
      return page.items.find((i) => i.work_order_id === woId) ?? null;
    },
    [woId, enabled],
  );
}

/** Time and parts are fixed once the invoice left draft (open, paid, refunded, void). */
export function isPastDraft(invoice: Pick<Invoice, 'status'> | null | undefined): boolean {
  return !!invoice && invoice.status !== 'draft';
}

export const INVOICED_MESSAGE = 'This work order is invoiced: time and parts can no longer change.';

/** Runs a change of time or parts; a 409 work_order_invoiced also tells the page (which then locks them). */
export async function refusedAsInvoiced<T>(change: Promise<T>, onInvoiced: () => void): Promise<T> {
  try {
    return await change;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409 && err.reason === 'work_order_invoiced')
      onInvoiced();
    throw err;
  }
}
