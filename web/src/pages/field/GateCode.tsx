import { useState } from 'react';

// The gate code, big enough to read at arm's length in the sun, with a Copy
// button for a keypad app or a text to a colleague. Shown only once the
// server has revealed it (or to the office, which sees it with the site).

export function GateCode({ code }: { code: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!code) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (an insecure context, a refused permission)
    }
  };
  return (
    <div className="gate-code">
      <span className="gate-code-label" id="gate-code-label">
        Gate code
      </span>
      <output className="gate-code-value" aria-labelledby="gate-code-label">
        {code}
      </output>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        Copy
      </button>
      <span aria-live="polite" className="hint">
        {copied === true ? 'Copied.' : copied === false ? 'Copy is not available here.' : ''}
      </span>
    </div>
  );
}
