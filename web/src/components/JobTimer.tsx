import { useEffect, useState } from 'react';
import { startTimer, stopTimer, useTimerStart } from '../offline/timer';

function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * The job timer: started by "Start work" (TransitionButtons) or here,
 * stopped here, which hands the elapsed minutes to the time-entry form. The
 * start time is kept in localStorage (offline/timer.ts), so a reload or a
 * closed tab does not lose it.
 */
export function JobTimer({
  userId,
  woId,
  onStop,
}: {
  userId: number;
  woId: number;
  onStop: (minutes: number) => void;
}) {
  const start = useTimerStart(userId, woId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (start === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [start]);

  const stop = () => {
    const minutes = stopTimer(userId, woId);
    if (minutes !== null) onStop(minutes);
  };
  return (
    <div className="job-timer" role="group" aria-label="Job timer">
      {start === null ? (
        <button type="button" className="button-secondary" onClick={() => startTimer(userId, woId)}>
          Start timer
        </button>
      ) : (
        <>
          <span className="timer-running">
            Timer running: <time aria-live="off">{elapsed(Math.max(now, start) - start)}</time>
          </span>{' '}
          <button type="button" className="button-primary" onClick={stop}>
            Stop timer
          </button>
        </>
      )}
    </div>
  );
}
