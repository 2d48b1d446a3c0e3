-- Currency: territories' currencies, accounts, the double-entry ledger (transfers and their entries),
-- merchants' payment requests, redemptions to euros, and approved hours waiting for a currency.

create table currencies (
  id uuid primary key,
  territory_id uuid not null unique,
  -- Root first, down to territory_id: which places the currency applies to.
  territory_path uuid[] not null,
  territory_name text not null,
  code text not null unique,
  name text not null,
  minor_units smallint not null check (minor_units between 0 and 2),
  rate_per_hour_minor bigint not null check (rate_per_hour_minor > 0),
  redemption_fee_basis_points int not null check (redemption_fee_basis_points between 0 and 5000),
  issuance_account_id uuid not null,
  version int not null,
  configured_by text not null,
  configured_at timestamptz not null,
  created_at timestamptz not null
);

create table accounts (
  id uuid primary key,
  currency_id uuid not null references currencies(id),
  owner_kind text not null check (owner_kind in ('person', 'organization', 'issuance')),
  -- A person id, an organization id, or the currency's territory id for its issuance account.
  owner_id uuid not null,
  -- As they were when the account was opened: histories and statements read without identity.
  owner_name text not null,
  organization_kind text,
  balance_minor bigint not null default 0,
  created_at timestamptz not null,
  unique (currency_id, owner_kind, owner_id),
  -- No overdraft, whatever the code does: only the issuance account goes below zero.
  check (owner_kind = 'issuance' or balance_minor >= 0)
);
create index accounts_owner on accounts (owner_kind, owner_id);

-- A transfer's id is its idempotency key; request_hash tells a retry from a reused id.
create table transfers (
  id uuid primary key,
  currency_id uuid not null references currencies(id),
  kind text not null check (kind in ('hours', 'payment', 'request', 'redemption')),
  debit_account_id uuid not null references accounts(id),
  credit_account_id uuid not null references accounts(id),
  amount_minor bigint not null check (amount_minor > 0),
  reference text not null default '',
  request_hash text not null,
  entry_id uuid unique,
  entry_date date,
  entry_minutes bigint,
  payment_request_id uuid unique,
  redemption_id uuid unique,
  posted_by text not null,
  posted_at timestamptz not null,
  check (debit_account_id <> credit_account_id)
);
create index transfers_currency on transfers (currency_id, kind);

-- Two entries per transfer, one per account, with the account's balance after it.
create table entries (
  seq bigserial primary key,
  transfer_id uuid not null references transfers(id),
  account_id uuid not null references accounts(id),
  amount_minor bigint not null check (amount_minor <> 0),
  balance_after_minor bigint not null,
  posted_at timestamptz not null
);
create index entries_account on entries (account_id, seq);
create index entries_transfer on entries (transfer_id);

-- Transfers and entries are never changed: a correction is a new transfer.
create function refuse_ledger_change() returns trigger language plpgsql as $$
begin
  raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger transfers_append_only before update or delete on transfers for each row execute function refuse_ledger_change();
create trigger entries_append_only before update or delete on entries for each row execute function refuse_ledger_change();

create table payment_requests (
  id uuid primary key,
  organization_id uuid not null,
  organization_name text not null,
  account_id uuid not null references accounts(id),
  currency_id uuid not null references currencies(id),
  amount_minor bigint not null check (amount_minor > 0),
  reference text not null default '',
  expires_at timestamptz not null,
  request_hash text not null,
  created_by text not null,
  created_at timestamptz not null,
  paid_at timestamptz,
  paid_by text,
  paid_by_name text,
  transfer_id uuid references transfers(id)
);
create index payment_requests_organization on payment_requests (organization_id, created_at desc, id);

create table redemptions (
  id uuid primary key,
  organization_id uuid not null,
  organization_name text not null,
  account_id uuid not null references accounts(id),
  currency_id uuid not null references currencies(id),
  amount_minor bigint not null check (amount_minor > 0),
  fee_basis_points int not null,
  fee_minor bigint not null check (fee_minor >= 0),
  status text not null check (status in ('requested', 'approved', 'rejected')),
  request_hash text not null,
  requested_by text not null,
  requested_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  payout_reference text not null default '',
  rejection_reason text not null default '',
  transfer_id uuid references transfers(id)
);
create index redemptions_organization on redemptions (organization_id, requested_at desc, id);
create index redemptions_currency on redemptions (currency_id, status, requested_at desc, id);

-- Approved hours in a place no currency applies to yet: paid when one is configured above them.
create table unpaid_hours (
  entry_id uuid primary key,
  person_id uuid not null,
  territory_id uuid not null,
  -- The entry's territory and those above it.
  territory_path uuid[] not null,
  entry_date date not null,
  minutes bigint not null,
  received_at timestamptz not null
);
create index unpaid_hours_path on unpaid_hours using gin (territory_path);
