-- OAuth 2.0 client credentials for integrations (issue 15 item 3).
-- api_clients: an organization's integration, created by an admin. client_id
-- is its public name at the token endpoint; only the SHA-256 of its secret
-- (256 random bits, shown once) is kept: a high-entropy secret needs no slow
-- hash, and bcrypt would put every token request on the login pool. role is
-- the ceiling the client acts with (never owner); scopes the space-separated
-- OAuth scopes it may ask for; allowed_ips a space-separated list of CIDR
-- ranges ('' = anywhere). A revoked client keeps its row for the audit trail.
CREATE TABLE api_clients (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  client_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  scopes TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','dispatcher','technician','viewer','requester')),
  allowed_ips TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT
);
CREATE INDEX api_clients_org ON api_clients(org_id, id);

-- Opaque bearer tokens (one hour), stored as their SHA-256 like sessions.
CREATE TABLE oauth_tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  api_client_id BIGINT NOT NULL REFERENCES api_clients(id),
  token_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oauth_tokens_client ON oauth_tokens(org_id, api_client_id);
