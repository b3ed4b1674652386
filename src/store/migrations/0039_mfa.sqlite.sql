-- TOTP two-step sign-in and step-up (issue 15 item 1).
--
-- The TOTP secret belongs to the account (one person, many organizations),
-- sealed with AES-256-GCM under a key derived from the server's master key
-- (crypto/account_secrets): never plain text. totp_pending_secret is an
-- enrolment not yet confirmed by a code (a new enrolment replaces it).
-- totp_last_step is the last RFC 6238 time step accepted, so that each code
-- is accepted once.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled_at INTEGER;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- Ten single-use recovery codes per account, stored as HMAC-SHA256 under a
-- server key (high-entropy codes: a slow hash adds nothing) and looked up by
-- that hash.
CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX recovery_codes_account ON recovery_codes(account_id);

-- The second step of a sign-in: a random challenge (only its SHA-256 here),
-- five minutes, single use, bound to the membership the password opened.
-- purpose 'verify' takes a code; 'enroll' (the organization requires MFA of
-- the role and the person has none) can only enrol and confirm. Like
-- login_throttle it exists before anyone is signed in, so no org_id: the
-- membership names the organization.
CREATE TABLE mfa_challenges (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify','enroll')),
  failures INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- When the session last proved a second factor (or the password, for people
-- without MFA): routes declared step_up need it within 15 minutes.
ALTER TABLE sessions ADD COLUMN stepped_up_at INTEGER;

-- The roles whose members must use MFA (comma-separated role names; empty:
-- none). Edited by /api/v1/org/security; enforced at sign-in.
ALTER TABLE orgs ADD COLUMN mfa_required_roles TEXT NOT NULL DEFAULT '';
