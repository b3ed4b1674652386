// Credentials and URLs from scripts/web-e2e.sh (generated per run).

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through scripts/web-e2e.sh`);
  return value;
}

export interface Account {
  email: string;
  password: string;
}

export const env = {
  baseURL: required('E2E_BASE_URL'),
  owner: {
    email: required('E2E_OWNER_EMAIL'),
    password: required('E2E_OWNER_PASSWORD'),
  },
  dispatcher: {
    email: required('E2E_DISPATCHER_EMAIL'),
    password: required('E2E_DISPATCHER_PASSWORD'),
  },
  technician: {
    email: required('E2E_TECH_EMAIL'),
    password: required('E2E_TECH_PASSWORD'),
  },
  /** A plant operator (role requester) of the main organization. */
  requester: {
    email: process.env.E2E_REQUESTER_EMAIL ?? '',
    password: process.env.E2E_REQUESTER_PASSWORD ?? '',
  },
  /** The main server's Twilio auth token (test-only, per run): signs simulated inbound texts. */
  twilioAuthToken: required('E2E_TWILIO_AUTH_TOKEN'),
  /** The main organization's SMS number, assigned by the operator command (unverified: no Twilio account). */
  smsNumber: required('E2E_SMS_NUMBER'),
  /** The owner of a second organization, in America/New_York (time-zone spec). */
  newYorkOwner: {
    email: process.env.E2E_NY_OWNER_EMAIL ?? '',
    password: process.env.E2E_NY_OWNER_PASSWORD ?? '',
  },
  /** A server with single sign-on through a local oidc-provider (sso.spec.ts). */
  sso: {
    baseURL: process.env.E2E_SSO_BASE_URL ?? '',
    owner: {
      email: process.env.E2E_SSO_OWNER_EMAIL ?? '',
      password: process.env.E2E_SSO_OWNER_PASSWORD ?? '',
    },
    memberEmail: process.env.E2E_SSO_MEMBER_EMAIL ?? '',
    issuer: process.env.E2E_SSO_ISSUER ?? '',
    clientId: process.env.E2E_SSO_CLIENT_ID ?? '',
    clientSecret: process.env.E2E_SSO_CLIENT_SECRET ?? '',
  },
  idle: {
    baseURL: process.env.E2E_IDLE_BASE_URL ?? '',
    account: {
      email: process.env.E2E_IDLE_EMAIL ?? '',
      password: process.env.E2E_IDLE_PASSWORD ?? '',
    },
    seconds: Number(process.env.E2E_IDLE_SECONDS ?? '0'),
  },
};
