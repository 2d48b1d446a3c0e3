-- Timesheets: time entries and their validation, the closed monthly periods of each territory, and
-- idempotency keys of submissions.

create table entries (
  id uuid primary key,
  person_id uuid not null,
  -- Names as they were when the hours were logged: queues and reports read without other services.
  person_name text not null,
  contract_id uuid not null,
  employer_id uuid,
  employer_name text not null default '',
  project_id uuid not null,
  project_title text not null,
  -- The person's locality when the hours were logged; with month, the period the entry counts in.
  territory_id uuid not null,
  date date not null,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  minutes int not null check (minutes between 1 and 720),
  competence_id text not null,
  note text not null default '',
  status text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  version int not null,
  submitted_at timestamptz not null,
  updated_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  rejection_reason text not null default '',
  carried_from text
);
create index entries_person_date on entries (person_id, date);
create index entries_contract_date on entries (contract_id, date) where status in ('pending', 'approved');
create index entries_project_queue on entries (project_id, status, date, id);
create index entries_period on entries (territory_id, month, status);

-- A closed month of a territory. Open periods have no row: every month is open until it is closed.
create table periods (
  id uuid primary key,
  territory_id uuid not null,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  closed_by text not null,
  closed_at timestamptz not null,
  carried_entry_ids uuid[] not null default '{}',
  -- Approved minutes per person and project at the close: [{ personId, projectId, approvedMinutes }]
  totals jsonb not null,
  unique (territory_id, month)
);

-- Submissions retried with the same Idempotency-Key return the entry the first one created.
create table idempotency_keys (
  caller text not null,
  operation text not null,
  key text not null,
  request_hash text not null,
  resource_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (caller, operation, key)
);
