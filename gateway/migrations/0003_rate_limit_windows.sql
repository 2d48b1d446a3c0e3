-- The request rate limit's counts, one row per client address, shared by every gateway replica. A
-- window opens with a client's first request and lasts a minute; a row whose window ended starts over.
create table rate_limit_windows (
  key text primary key,
  hits int not null,
  window_end timestamptz not null
);
create index rate_limit_windows_end on rate_limit_windows (window_end);
