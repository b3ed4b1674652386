// Every API error is JSON: {"error": {code, message, reason?, fields?, request_id}}.
// Validation errors (400 validation_failed) carry `fields`: field name -> message.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly reason: string | undefined;
  readonly fields: FieldErrors;
  readonly requestId: string | undefined;
  /** Seconds from the Retry-After header (429), when present. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    reason?: string | undefined;
    fields?: FieldErrors | undefined;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.fields = init.fields ?? {};
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

export const NOT_ALLOWED_MESSAGE = 'You are not allowed to do that.';
export const SESSION_EXPIRED_MESSAGE = 'Your session has expired, please sign in again.';

// Refusals whose reason has a sentence of its own here, clearer than the
// server's message (which is written for API clients).
const REASON_MESSAGES: Record<string, string> = {
  work_order_invoiced: 'This work order is invoiced: time and parts can no longer change.',
  opted_out_by_customer:
    'This number texted STOP: only the customer can start texts again by replying START. Keep “Opted out of SMS” ticked to save.',
  technician_cannot_price: 'Technicians record the part and quantity; the office sets the price.',
};

/** The reason's own sentence, if it has one. */
export function reasonMessage(error: unknown): string | undefined {
  // Completion refused: the open required items, by name, from `fields`.
  if (error instanceof ApiError && error.reason === 'checklist_incomplete')
    return `Finish the required checklist items first: ${Object.values(error.fields).join(', ')}.`;
  return error instanceof ApiError && error.reason ? REASON_MESSAGES[error.reason] : undefined;
}

/** What to show a person for an error; server messages are shown as text only. */
export function describeError(error: unknown): string {
  const known = reasonMessage(error);
  if (known) return known;
  if (error instanceof ApiError) {
    if (error.status === 403) {
      // The server's reason often says why (e.g. only a dispatcher can reopen).
      return error.code === 'forbidden' && error.message
        ? `${NOT_ALLOWED_MESSAGE} (${error.message})`
        : NOT_ALLOWED_MESSAGE;
    }
    if (error.status === 429) {
      return `Too many requests. ${retryText(error.retryAfterSeconds)}`;
    }
    if (error.status >= 500) {
      return `The server had a problem (reference ${error.requestId ?? 'unknown'}). Please try again.`;
    }
    if (error.hasFieldErrors) return 'Please correct the highlighted fields.';
    return capitalize(error.message);
  }
  if (error instanceof TypeError)
    return 'Cannot reach the server. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}

export function retryText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return 'Please try again later.';
  if (seconds < 90) return `Please try again in ${Math.max(1, Math.ceil(seconds))} seconds.`;
  return `Please try again in ${Math.ceil(seconds / 60)} minutes.`;
}

function capitalize(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.') : s;
}
