-- Contracts: employer commitments, SAR contracts with their immutable versions, acceptances and
-- history, SAR holidays, consumed minutes (fed by timesheets' events) and idempotency keys.

create table employer_commitments (
  organization_id uuid not null,
  year int not null check (year between 2000 and 2100),
  basis text not null check (basis in ('absolute', 'share')),
  committed_minutes bigint not null check (committed_minutes > 0),
  minutes bigint not null default 0,
  share_basis_points int not null default 0,
  declared_employees int not null default 0,
  declared_minutes_per_employee bigint not null default 0,
  version int not null default 1,
  set_by text not null,
  set_at timestamptz not null,
  primary key (organization_id, year)
);

create table contracts (
  id uuid primary key,
  person_id uuid not null,
  -- Names as they were when the contract was opened: documents are rendered from stored data only.
  person_name text not null,
  kind text not null check (kind in ('employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer')),
  employer_id uuid,
  employer_name text not null default '',
  office_id uuid not null,
  office_name text not null,
  -- The office's territory: officers of it (or above) act for the office.
  office_territory_id uuid not null,
  status text not null check (status in ('negotiating', 'signed', 'suspended', 'terminated', 'withdrawn')),
  latest_version int not null,
  in_force_version int,
  pending_version int,
  termination_date date,
  termination_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((kind = 'employee') = (employer_id is not null))
);
create index contracts_person on contracts (person_id);
create index contracts_employer on contracts (employer_id, updated_at desc, id) where employer_id is not null;
create index contracts_office_territory on contracts (office_territory_id, updated_at desc, id);

-- Each proposal is a version; a version never changes once written, except for its signing time.
create table contract_versions (
  contract_id uuid not null references contracts(id),
  version int not null,
  period_start date not null,
  period_end date not null,
  yearly_minutes bigint not null,
  -- competences (with labels), schedule and preferred projects
  terms jsonb not null,
  proposed_by_party text not null check (proposed_by_party in ('person', 'employer', 'office')),
  proposed_by text not null,
  proposed_by_name text not null,
  proposed_at timestamptz not null,
  comment text not null default '',
  amendment boolean not null,
  signed_at timestamptz,
  primary key (contract_id, version)
);

create table acceptances (
  contract_id uuid not null,
  version int not null,
  party text not null check (party in ('person', 'employer', 'office')),
  accepted_by text not null,
  accepted_by_name text not null,
  accepted_at timestamptz not null,
  primary key (contract_id, version, party),
  foreign key (contract_id, version) references contract_versions (contract_id, version)
);

-- Every step of a contract's life: who, as which party, when, on which version, and why.
create table contract_steps (
  seq bigserial primary key,
  contract_id uuid not null references contracts(id),
  step text not null,
  party text,
  actor text not null,
  actor_name text not null,
  at timestamptz not null,
  version int,
  comment text not null default ''
);
create index contract_steps_contract on contract_steps (contract_id, seq);

create table sar_holidays (
  id uuid primary key,
  contract_id uuid not null references contracts(id),
  person_id uuid not null,
  project_id uuid not null,
  project_title text not null,
  project_kind text not null,
  start_date date not null,
  end_date date not null,
  minutes bigint not null check (minutes > 0),
  status text not null check (status in ('requested', 'employer_agreed', 'approved', 'refused', 'cancelled')),
  comment text not null default '',
  requested_at timestamptz not null,
  employer_agreed_by text,
  employer_agreed_at timestamptz,
  decided_by text,
  decided_at timestamptz,
  decision_comment text not null default '',
  version int not null default 1
);
create index sar_holidays_contract on sar_holidays (contract_id, start_date);

-- Approved minutes per contract and year, fed by the consumer of timesheets.entry.approved (the
-- timesheets issue); the commitment dashboard shows them as consumed.
create table consumed_minutes (
  contract_id uuid not null references contracts(id),
  year int not null,
  minutes bigint not null default 0 check (minutes >= 0),
  primary key (contract_id, year)
);

-- Creations retried with the same Idempotency-Key return what the first one created.
create table idempotency_keys (
  caller text not null,
  operation text not null,
  key text not null,
  request_hash text not null,
  resource_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (caller, operation, key)
);
