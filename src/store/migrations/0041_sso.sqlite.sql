-- OpenID Connect single sign-on (issue 15 item 4).
-- identity_providers: one per organization. The client secret is sealed
-- under the organization's data key (like a personal field); jit_role NULL
-- means just-in-time provisioning is off (the default).
CREATE TABLE identity_providers (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL UNIQUE REFERENCES orgs(id),
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  row_key TEXT NOT NULL,
  jit_role TEXT CHECK (jit_role IN ('admin','dispatcher','technician','viewer')),
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- A person at the provider is (issuer, subject), never an email claim; the
-- same subject may be linked in several organizations, once in each.
CREATE TABLE sso_identities (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  last_login_at INTEGER,
  UNIQUE (org_id, issuer, subject)
);
CREATE INDEX sso_identities_user ON sso_identities(org_id, user_id);
-- Email domains the operator verified for an organization
-- (`bulwark admin org verify-domain`): unique across organizations, so an
-- address's domain names at most one organization to sign in at.
CREATE TABLE org_domains (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  domain TEXT NOT NULL UNIQUE,
  verified_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX org_domains_org ON org_domains(org_id);
-- A sign-in in progress: the provider's return is a cross-site navigation
-- that carries no Strict cookie, so the state (by its SHA-256), the nonce
-- and the PKCE verifier wait here, 10 minutes, single use. Never exported.
CREATE TABLE sso_logins (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  state_hash TEXT NOT NULL UNIQUE,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  row_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX sso_logins_expiry ON sso_logins(expires_at);
