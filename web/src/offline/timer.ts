import { useCallback, useSyncExternalStore } from 'react';

// The job timer's start time, in localStorage keyed to the user and the work
// order, so that it survives a reload, a closed tab and a dead battery's
// restart. Only a number: never a token (MUST-NOT-004). Removed when the
// timer stops, and other users' timers are removed when someone else signs in.

const PREFIX = 'bulwark.timer.';
const CHANGED = 'bulwark-timer-changed';

function keyOf(userId: number, woId: number): string {
  return `${PREFIX}${userId}.${woId}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function timerStart(userId: number, woId: number): number | null {
  const raw = storage()?.getItem(keyOf(userId, woId));
  const at = raw ? Number(raw) : NaN;
  return Number.isFinite(at) ? at : null;
}

/** Starts the timer (a running one keeps its start). */
export function startTimer(userId: number, woId: number, now = Date.now()): void {
  if (timerStart(userId, woId) !== null) return;
  storage()?.setItem(keyOf(userId, woId), String(now));
  window.dispatchEvent(new Event(CHANGED));
}

/** Stops the timer; returns the whole minutes it ran (at least 1), or null if it was not running. */
export function stopTimer(userId: number, woId: number, now = Date.now()): number | null {
  const start = timerStart(userId, woId);
  if (start === null) return null;
  storage()?.removeItem(keyOf(userId, woId));
  window.dispatchEvent(new Event(CHANGED));
  return Math.min(1440, Math.max(1, Math.round((now - start) / 60_000)));
}

/** Removes the timers of every user but `keep` (a different user signed in). */
export function dropOtherTimers(keep: number): void {
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s))
    if (key.startsWith(PREFIX) && !key.startsWith(`${PREFIX}${keep}.`)) s.removeItem(key);
}

/** The running timer's start (or null), following changes from this tab and others. */
export function useTimerStart(userId: number, woId: number): number | null {
  const subscribe = useCallback((changed: () => void) => {
    window.addEventListener(CHANGED, changed);
    window.addEventListener('storage', changed);
    return () => {
      window.removeEventListener(CHANGED, changed);
      window.removeEventListener('storage', changed);
    };
  }, []);
  return useSyncExternalStore(subscribe, () => timerStart(userId, woId));
}
