import { useCallback, useState } from 'react';

// Drafts (a comment being typed, a time entry) kept in sessionStorage, so
// that a session that expires mid-sentence and the sign-in that follows in
// the same tab do not lose them. Keyed to the user: another user signing in
// here never sees them, and sign-out removes them all. Only text the user
// typed: never a token or an answer from the server (MUST-NOT-004). Empty
// drafts are removed, so storage stays empty when nothing is being typed.

const PREFIX = 'bulwark.draft.';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: drafts live in memory only
  }
}

function keyOf(userId: number, name: string): string {
  return `${PREFIX}${userId}.${name}`;
}

export function readDraft(userId: number, name: string): string {
  return storage()?.getItem(keyOf(userId, name)) ?? '';
}

export function writeDraft(userId: number, name: string, value: string): void {
  const s = storage();
  if (!s) return;
  if (value === '') s.removeItem(keyOf(userId, name));
  else s.setItem(keyOf(userId, name), value);
}

/** A string state that survives a session expiry and re-login in this tab. */
export function useDraft(userId: number, name: string): [string, (value: string) => void] {
  const id = `${userId}.${name}`;
  const [state, setState] = useState(() => ({ id, value: readDraft(userId, name) }));
  // Another work order in the same component: its own draft.
  const value = state.id === id ? state.value : readDraft(userId, name);
  const set = useCallback(
    (next: string) => {
      setState({ id, value: next });
      writeDraft(userId, name, next);
    },
    [id, userId, name],
  );
  return [value, set];
}

/** Removes drafts: all of them (sign-out), or those of users other than `keep`. */
export function dropDrafts(keep?: number): void {
  const s = storage();
  if (!s) return;
  const mine = keep === undefined ? null : `${PREFIX}${keep}.`;
  for (const key of Object.keys(s))
    if (key.startsWith(PREFIX) && (mine === null || !key.startsWith(mine))) s.removeItem(key);
}
