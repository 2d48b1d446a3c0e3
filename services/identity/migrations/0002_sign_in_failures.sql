-- Failed sign-ins (login page and password grant) per client address and per e-mail, counted in a
-- window that opens with a key's first failure, in the database so that every replica of the provider
-- enforces one limit. Keys are 'address:<ip or IPv6 /56>' and 'account:<SHA-256 of the e-mail>'.
create table sign_in_failures (
  key text primary key,
  failures int not null check (failures >= 0),
  window_end timestamptz not null
);
create index sign_in_failures_window_end on sign_in_failures (window_end);
