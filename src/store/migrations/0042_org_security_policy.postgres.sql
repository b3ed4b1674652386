-- The organization's security policy (issue 15 items 2, 5 and 7).
--
-- orgs.session_idle_seconds already exists (0002); the absolute lifetime
-- joins it. NULL: the server's own (BULWARK_SESSION_LIFETIME), and an org
-- can only shorten it: find_session takes the stricter of the two.
ALTER TABLE orgs ADD COLUMN session_lifetime_seconds BIGINT;
-- IP allowlist: canonical CIDR ranges ("203.0.113.0/24,2001:db8::/32"),
-- written only by the policy service after net::parse_ip_range; '' allows
-- every address.
ALTER TABLE orgs ADD COLUMN ip_allowlist TEXT NOT NULL DEFAULT '';
-- Lower-case domains new members' addresses must be in ("" = any).
ALTER TABLE orgs ADD COLUMN allowed_email_domains TEXT NOT NULL DEFAULT '';
-- A session's device in plain words ("Chrome on Android"), from its
-- User-Agent at sign-in; the raw header is not kept.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
-- Devices an account has signed in from (a random cookie's SHA-256), so a
-- sign-in from a new one can be told to the person by email.
CREATE TABLE known_devices (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL,
  device TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  UNIQUE (account_id, token_hash)
);
