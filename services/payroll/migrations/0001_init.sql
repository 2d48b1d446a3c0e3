-- Payroll: Societal Activity Forms and their versions, the issuing runs and their people, the
-- hours credits and wallet movements read from currency's events, and the employers' export layouts.

-- A form is immutable once issued: only superseded_by_id and superseded_at are ever set, once.
create table forms (
  id uuid primary key,
  person_id uuid not null,
  contract_id uuid not null,
  employer_id uuid,
  territory_id uuid not null,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  version int not null check (version >= 1),
  supersedes_id uuid references forms(id),
  -- Deferred: the superseding version is inserted just after the one it supersedes is marked.
  superseded_by_id uuid references forms(id) deferrable initially deferred,
  superseded_at timestamptz,
  run_id uuid not null,
  issued_at timestamptz not null,
  total_minutes bigint not null,
  verification_code text not null unique,
  -- The form's content as issued (canonical JSON text, not jsonb: its bytes are hashed).
  document text not null,
  json_sha256 text not null,
  pdf bytea not null,
  pdf_sha256 text not null,
  -- The figures only, to tell whether a reissue changes anything.
  figures_sha256 text not null,
  -- The issuing key: one form per person, contract, territory, month and version, whatever is retried.
  unique (person_id, contract_id, territory_id, month, version)
);
-- One version in force per person, contract, territory and month.
create unique index forms_current on forms (person_id, contract_id, territory_id, month) where superseded_by_id is null;
create index forms_person on forms (person_id, month desc, issued_at desc, id);
create index forms_territory_month on forms (territory_id, month, id);
create index forms_employer_month on forms (employer_id, month, id);

-- A run issues the forms of a territory's month (its close), or of one person again: after a correction
-- of their approved hours, or when currency paid hours after their form was issued.
create table runs (
  id uuid primary key,
  territory_id uuid not null,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  trigger text not null check (trigger in ('close', 'correction', 'payment')),
  -- The event that started it: a redelivered or repeated one starts nothing new.
  source_event_id text not null unique,
  total int not null,
  done int not null default 0,
  forms_issued int not null default 0,
  status text not null check (status in ('running', 'completed')),
  started_at timestamptz not null,
  completed_at timestamptz
);
-- One closing run per territory and month.
create unique index runs_close on runs (territory_id, month) where trigger = 'close';
create index runs_territory on runs (territory_id, started_at desc);

-- The people of a run; each is done in the transaction that issues their forms.
create table run_people (
  run_id uuid not null references runs(id),
  person_id uuid not null,
  status text not null check (status in ('pending', 'done')),
  attempts int not null default 0,
  not_before timestamptz not null default now(),
  primary key (run_id, person_id)
);
create index run_people_pending on run_people (not_before, run_id, person_id) where status = 'pending';

-- The approved entries each form counts: a payment that arrives for one of them after the form was
-- issued makes a new version of it.
create table form_entries (
  form_id uuid not null references forms(id),
  entry_id uuid not null,
  primary key (form_id, entry_id)
);
create index form_entries_entry on form_entries (entry_id);

-- Hours credits (currency.transfer.posted of kind hours): what each approved entry was paid.
create table hours_credits (
  entry_id uuid primary key,
  person_id uuid not null,
  currency_id uuid not null,
  currency_code text not null,
  amount_minor bigint not null,
  posted_at timestamptz not null
);

-- Every movement of a person's wallet, signed (credits positive), for the balance at month end.
create table wallet_movements (
  transfer_id uuid not null,
  person_id uuid not null,
  currency_id uuid not null,
  amount_minor bigint not null,
  posted_at timestamptz not null,
  primary key (transfer_id, person_id)
);
create index wallet_movements_person on wallet_movements (person_id, currency_id, posted_at);

-- An employer's CSV layout; employers without a row use the default one.
create table export_layouts (
  organization_id uuid primary key,
  columns jsonb not null,
  separator text not null check (separator in ('comma', 'semicolon', 'tab')),
  decimal_comma boolean not null,
  version int not null,
  updated_by text not null,
  updated_at timestamptz not null
);
