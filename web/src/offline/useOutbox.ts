import { useEffect, useSyncExternalStore } from 'react';
import { onQueuedChangeSent, outboxState, subscribe, type OutboxState } from './outbox';

/** The signed-in user's queued changes and the ones the server refused later. */
export function useOutbox(): OutboxState {
  return useSyncExternalStore(subscribe, outboxState);
}

/** Calls `reload` when a change queued for this work order reached the server. */
export function useReloadWhenQueuedSent(woId: number, reload: () => void): void {
  useEffect(() => onQueuedChangeSent((id) => id === woId && reload()), [woId, reload]);
}
