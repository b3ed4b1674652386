-- Invitations (issue 14 item 4): POST /api/v1/users no longer makes an
-- account; it records an invitation and mails a single-use link (a
-- link_tokens row, purpose 'invitation', subject_id = this row's id). The
-- invitee sets their own password when they accept. `email` and `name` are
-- what users.email and users.name will hold (a member of staff's work
-- address, the sign-in identifier), stored like those columns. `found`
-- records what the address was when invited ('new', 'member' of this org,
-- 'elsewhere': an account in another org): it chooses the mail and is never
-- shown by the API, so an admin cannot tell another org's users apart.
CREATE TABLE invitations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('owner','admin','dispatcher','technician','viewer')),
  found TEXT NOT NULL CHECK (found IN ('new','member','elsewhere')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','revoked')),
  link_id BIGINT REFERENCES link_tokens(id),
  invited_by BIGINT REFERENCES users(id),
  user_id BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  sent_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX invitations_org ON invitations(org_id, status, id);
