-- Identity: territories, people, organizations, memberships, role grants, skills and competences.
create extension if not exists pg_trgm;


create table territories (
  id uuid primary key,
  parent_id uuid references territories(id),
  level text not null check (level in ('eu', 'country', 'region', 'department', 'locality')),
  code text not null unique,
  labels jsonb not null,
  -- ids from the root down to this territory, itself included: ancestry checks are one array test
  path uuid[] not null
);
create index territories_parent on territories (parent_id);
create index territories_path on territories using gin (path);

create table people (
  id uuid primary key,
  name text not null,
  email text not null,
  locale text not null check (locale in ('en', 'fr')),
  status text not null check (status in ('employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer')),
  territory_id uuid not null references territories(id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index people_email on people (lower(email));
create index people_territory on people (territory_id, id);

create table credentials (
  person_id uuid primary key references people(id) on delete cascade,
  password_hash text not null,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);

-- Subjects of external OpenID Connect issuers (Keycloak) linked to people on first sign-in.
create table external_subjects (
  issuer text not null,
  subject text not null,
  person_id uuid not null references people(id) on delete cascade,
  linked_at timestamptz not null default now(),
  primary key (issuer, subject)
);

create table organizations (
  id uuid primary key,
  name text not null,
  kind text not null check (kind in ('private_company', 'public_body', 'association', 'e21_office', 'merchant')),
  legal_id text not null,
  territory_id uuid not null references territories(id),
  created_at timestamptz not null default now(),
  unique (kind, legal_id)
);
create index organizations_territory on organizations (territory_id);

create table memberships (
  organization_id uuid not null references organizations(id),
  person_id uuid not null references people(id),
  role text not null check (role in ('member', 'hr_manager', 'admin')),
  employee_reference text not null default '',
  since timestamptz not null default now(),
  primary key (organization_id, person_id)
);
create index memberships_person on memberships (person_id);

create table role_grants (
  id uuid primary key,
  grantee text not null,
  role text not null check (role in ('territory_admin', 'officer', 'assembly_member', 'moderator', 'treasury_officer', 'integrator')),
  scope_kind text not null check (scope_kind in ('territory', 'organization', 'project')),
  scope_id uuid not null,
  granted_by text not null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by text
);
create unique index role_grants_active on role_grants (grantee, role, scope_kind, scope_id) where revoked_at is null;
create index role_grants_scope on role_grants (scope_kind, scope_id) where revoked_at is null;

create table skills (
  id text primary key,
  kind text not null check (kind in ('group', 'skill')),
  labels jsonb not null,
  broader_id text,
  description jsonb not null default '{}',
  source text not null check (source in ('e21', 'esco')),
  -- every label in every language, lower-case and without accents
  search_text text not null
);
create index skills_search on skills using gin (search_text gin_trgm_ops);

create table competences (
  person_id uuid not null references people(id) on delete cascade,
  skill_id text not null references skills(id),
  level smallint not null check (level between 1 and 4),
  updated_at timestamptz not null default now(),
  primary key (person_id, skill_id)
);

-- Storage of the built-in OpenID Connect provider (sessions, grants, codes, tokens).
create table oidc_payloads (
  kind text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (kind, id)
);
create index oidc_payloads_grant on oidc_payloads (grant_id);
create index oidc_payloads_uid on oidc_payloads (uid);
create index oidc_payloads_expiry on oidc_payloads (expires_at);

-- Signing keys and cookie keys of the built-in provider, generated once and shared by replicas.
create table oidc_secrets (
  name text primary key,
  value jsonb not null,
  created_at timestamptz not null default now()
);
