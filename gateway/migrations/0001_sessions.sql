-- Browser sessions (the gateway's only state) and sign-ins in progress.
create table sessions (
  id_hash text primary key,
  person_id uuid not null,
  locale text not null,
  csrf_token text not null,
  id_token text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_expiry on sessions (expires_at);
create index sessions_person on sessions (person_id);

create table pending_sign_ins (
  state text primary key,
  code_verifier text not null,
  return_to text not null,
  created_at timestamptz not null default now()
);
