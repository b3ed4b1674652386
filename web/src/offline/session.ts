import { dropDrafts } from './drafts';
import { startOutbox, stopOutbox } from './outbox';
import { dropOtherTimers } from './timer';

// What the field app keeps in the browser follows who is signed in
// (auth/session.tsx calls these): at sign-in only that user's queue,
// drafts and timers stay; at sign-out the queue and the drafts go.

export function fieldStorageSignedIn(userId: number): void {
  dropDrafts(userId);
  dropOtherTimers(userId);
  void startOutbox(userId).catch(() => undefined);
}

export async function fieldStorageSignedOut(): Promise<void> {
  dropDrafts();
  await stopOutbox().catch(() => undefined);
}
