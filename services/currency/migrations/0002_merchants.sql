-- Organizations an Engagement 21 officer verified, or whose verification was revoked, as identity
-- announced it (identity.organization.verified / .verification_revoked, consumed through the inbox).
-- Money is credited to an organization's account only when its row here says verified: the check
-- runs on every payment, so it reads this table, never identity. The version orders the decisions,
-- so a late or replayed event never undoes a newer one.
create table merchants (
  organization_id uuid primary key,
  name text not null,
  legal_id text not null,
  kind text not null,
  territory_id uuid not null,
  verified boolean not null,
  -- when it was verified, or when the verification was revoked
  decided_at timestamptz not null,
  version int not null,
  updated_at timestamptz not null
);
