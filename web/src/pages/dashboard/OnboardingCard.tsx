import { useState } from 'react';
import { api } from '../../api/client';
import type { Onboarding } from '../../api/types.gen';
import { useApi } from '../../hooks/useApi';
import { Link } from '../../router/router';

// The owner's first-run checklist (issue 14 item 9). The server works each
// step out from what the organization has, so the card goes away by itself
// once everything is set up; "Hide for now" only hides it in this tab.

export function OnboardingCard() {
  const list = useApi((signal) => api.get<Onboarding>('/org/onboarding', undefined, signal), []);
  const [hidden, setHidden] = useState(false);
  const o = list.data;
  if (!o || hidden || o.done_count === o.total) return null;
  return (
    <section className="panel onboarding" aria-labelledby="onboarding-h">
      <h2 id="onboarding-h">
        Get set up: {o.done_count} of {o.total} done
      </h2>
      <ol className="onboarding-steps">
        {o.steps.map((s) => (
          <li key={s.key} className={s.done ? 'step-done' : 'step-todo'}>
            <span className="step-mark" aria-hidden="true">
              {s.done ? '✓' : '○'}
            </span>
            <span className="step-text">
              {s.done ? (
                <strong>{s.title}</strong>
              ) : (
                <Link to={s.path}>
                  <strong>{s.title}</strong>
                </Link>
              )}
              <span className="visually-hidden">{s.done ? ' (done)' : ' (to do)'}</span>
              <br />
              <span className="hint">{s.detail}</span>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="button-secondary" onClick={() => setHidden(true)}>
        Hide for now
      </button>
    </section>
  );
}
