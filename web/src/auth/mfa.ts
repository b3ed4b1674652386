import { request } from '../api/client';

// Two-step sign-in (issue 15 item 1): the calls of enrolment, the second
// step of a sign-in and step-up. Calls made with a sign-in challenge (no
// session yet) pass isLogin, so a 401 there is the form's error and does not
// look like a session that ended.

export interface MfaStatus {
  enabled: boolean;
  recovery_codes_left: number;
}
export interface TotpEnrollment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}
export interface RecoveryCodes {
  recovery_codes: string[];
}
/** POST /auth/login when a second step is needed (no session cookie yet). */
export interface MfaChallenge {
  mfa_required: boolean;
  mfa_enrollment_required: boolean;
  challenge: string;
}
export type Factor = { code: string } | { recovery_code: string };

export type LoginOutcome =
  { next: 'done' } | { next: 'code'; challenge: string } | { next: 'enroll'; challenge: string };

export function outcomeOf(body: unknown): LoginOutcome {
  const step = body as Partial<MfaChallenge> | null;
  if (step && typeof step.challenge === 'string') {
    if (step.mfa_enrollment_required) return { next: 'enroll', challenge: step.challenge };
    if (step.mfa_required) return { next: 'code', challenge: step.challenge };
  }
  return { next: 'done' };
}

/**
 * The server draws the QR code as SVG; shown through <img> from a data: URL,
 * an image document that runs no script, never inserted as markup.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

const withChallenge = (challenge: string | undefined) => (challenge ? { challenge } : {});

export const mfaApi = {
  status: () => request<MfaStatus>('GET', '/auth/mfa'),
  enroll: (challenge?: string) =>
    request<TotpEnrollment>('POST', '/auth/mfa/totp/enroll', {
      body: withChallenge(challenge),
      isLogin: challenge !== undefined,
    }),
  confirm: (code: string, challenge?: string) =>
    request<RecoveryCodes>('POST', '/auth/mfa/totp/confirm', {
      body: { code, ...withChallenge(challenge) },
      isLogin: challenge !== undefined,
    }),
  verify: (challenge: string, factor: Factor) =>
    request<unknown>('POST', '/auth/mfa/verify', {
      body: { challenge, ...factor },
      isLogin: true,
    }),
  disable: (factor: Factor) => request<void>('POST', '/auth/mfa/totp/disable', { body: factor }),
  stepUp: (body: Factor | { password: string }) =>
    request<{ valid_for_seconds: number }>('POST', '/auth/step-up', {
      body,
      noStepUp: true,
    }),
};
