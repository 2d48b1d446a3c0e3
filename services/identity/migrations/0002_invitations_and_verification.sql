-- Consent and trust. `memberships` keeps accepted memberships only: a person joins an organization
-- by accepting an invitation, which waits here until then (every reader of memberships, the policy's
-- employer and organization_member rules included, so counts accepted ones only).
create table membership_invitations (
  id uuid primary key,
  organization_id uuid not null references organizations(id),
  -- lower-cased as typed; matched against people's addresses when the person reads or answers
  email text not null,
  role text not null check (role in ('member', 'hr_manager', 'admin')),
  employee_reference text not null default '',
  state text not null check (state in ('pending', 'accepted', 'declined', 'revoked')),
  invited_by text not null,
  invited_by_name text not null,
  invited_at timestamptz not null,
  expires_at timestamptz not null,
  answered_by uuid references people(id),
  answered_at timestamptz,
  revoked_by text,
  revoked_at timestamptz
);
create index membership_invitations_organization on membership_invitations (organization_id, invited_at desc, id);
create index membership_invitations_email on membership_invitations (email, invited_at desc);

-- An organization is verified by an officer of its territory (or above) before it receives local
-- currency; a revocation says why. The version orders the decisions for the services that keep them.
alter table organizations
  add column verification_status text not null default 'unverified' check (verification_status in ('unverified', 'verified', 'revoked')),
  add column verification_decided_at timestamptz,
  add column verification_decided_by text,
  add column verification_decided_by_name text,
  add column verification_revocation_reason text not null default '',
  add column verification_version int not null default 0;
create index organizations_to_verify on organizations (created_at, id) where verification_status <> 'verified';
