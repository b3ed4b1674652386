import { request } from '../api/client';
import { ApiError } from '../api/errors';
import { addChange, allChanges, deleteAll, keepOnly, removeChange } from './queueStore';
import type { QueuedChange, QueuedKind } from './queueStore';

// A change made in the field: sent at once when the network is there, kept
// in the offline queue (queueStore.ts) when it is not, and sent when it
// returns. Every change carries an Idempotency-Key made once, so a resend
// after a lost answer is answered by the server with the first result
// instead of a second comment or time entry. The CSRF token is read by
// api/client.ts when each request leaves, never stored here.

export const SAVED_OFFLINE_MESSAGE = "Saved offline — will send when you're back online";

export interface ChangeRequest {
  kind: QueuedKind;
  woId: number;
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  label: string;
}

export interface OutboxState {
  pending: QueuedChange[]; // this user's, oldest first
  failed: { label: string; message: string }[]; // refused by the server when sent later
}

let userId: number | null = null;
let state: OutboxState = { pending: [], failed: [] };
const listeners = new Set<(s: OutboxState) => void>();
const sentListeners = new Set<(woId: number) => void>();

export function outboxState(): OutboxState {
  return state;
}

export function subscribe(listener: (s: OutboxState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called with the work order's id whenever a queued change reached the server. */
export function onQueuedChangeSent(listener: (woId: number) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

function publish(next: Partial<OutboxState>) {
  state = { ...state, ...next };
  for (const l of listeners) l(state);
}

async function refresh(): Promise<void> {
  const all = userId === null ? [] : await allChanges();
  publish({ pending: all.filter((c) => c.userId === userId) });
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** fetch() failing before any answer: offline, DNS, a dropped connection. */
function isNetworkError(err: unknown): boolean {
  return !(err instanceof ApiError) && !(err instanceof SyntaxError);
}

function send(c: Pick<QueuedChange, 'method' | 'path' | 'body' | 'idempotencyKey'>) {
  return request<unknown>(c.method, c.path, { body: c.body, idempotencyKey: c.idempotencyKey });
}

/**
 * Sends a change, or queues it when the network is down. Resolves 'sent' or
 * 'queued'; a refusal from the server (validation, permissions) rejects with
 * its ApiError, as a direct request would.
 */
export async function sendOrQueue(
  forUser: number,
  change: ChangeRequest,
): Promise<'sent' | 'queued'> {
  const queued: QueuedChange = {
    ...change,
    userId: forUser,
    idempotencyKey: newIdempotencyKey(),
    queuedAt: Date.now(),
  };
  // Behind what already waits, so changes reach the server in order.
  const waiting = userId === forUser && state.pending.length > 0;
  if (navigator.onLine && !waiting) {
    try {
      await send(queued);
      return 'sent';
    } catch (err) {
      if (!isNetworkError(err)) throw err;
    }
  }
  await addChange(queued);
  await refresh();
  if (navigator.onLine) void flush();
  return 'queued';
}

let flushing: Promise<void> | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;

function retryLater(ms: number) {
  if (retry) clearTimeout(retry);
  retry = setTimeout(() => {
    retry = null;
    void flush();
  }, ms);
}

/** Sends this user's queued changes, oldest first; stops at the first that cannot go yet. */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      await refresh();
      for (const c of state.pending) {
        if (!navigator.onLine) return;
        try {
          await send(c);
        } catch (err) {
          if (isNetworkError(err)) return retryLater(15_000);
          const e = err as ApiError;
          // Signed out (sent again after sign-in), busy, or the server's trouble: later.
          if (e.status === 401) return;
          if (e.status === 409 && e.reason === 'idempotency_in_progress') return retryLater(2_000);
          if (e.status >= 500 || e.status === 429) return retryLater(15_000);
          // Refused for good (the work order was invoiced, a field was wrong): say so, drop it.
          publish({ failed: [...state.failed, { label: c.label, message: e.message }] });
        }
        await removeChange(c.seq!);
        await refresh();
        for (const l of sentListeners) l(c.woId);
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** A user signed in (or the app started signed in): only their queue stays, and it is sent. */
export async function startOutbox(forUser: number): Promise<void> {
  userId = forUser;
  state = { pending: [], failed: [] };
  await keepOnly(forUser);
  await refresh();
  if (navigator.onLine) void flush();
}

/** Sign-out: the queue goes, whoever it belonged to. */
export async function stopOutbox(): Promise<void> {
  userId = null;
  if (retry) clearTimeout(retry);
  retry = null;
  await deleteAll();
  publish({ pending: [], failed: [] });
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void flush());
}

export function clearFailures(): void {
  publish({ failed: [] });
}
