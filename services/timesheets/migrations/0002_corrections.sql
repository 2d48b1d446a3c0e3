-- The audit trail of officers' corrections to approved entries of closed months: who changed the
-- minutes, from what to what, when and why. Rows are never changed or deleted.
create table entry_corrections (
  id uuid primary key,
  entry_id uuid not null references entries(id),
  previous_minutes int not null,
  minutes int not null check (minutes between 1 and 720),
  reason text not null check (length(reason) between 1 and 1000),
  corrected_by text not null,
  corrected_at timestamptz not null,
  -- The entry's version after the correction.
  version int not null,
  unique (entry_id, version)
);
