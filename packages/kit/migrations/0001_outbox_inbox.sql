-- Transactional outbox: events are written in the same transaction as the change they announce,
-- then published to JetStream by the relay (Nats-Msg-Id = id).
create table outbox (
  seq bigserial primary key,
  id uuid not null unique,
  type text not null,
  source text not null,
  subject text not null,
  time timestamptz not null default now(),
  payload bytea not null,
  traceparent text,
  tracestate text,
  published_at timestamptz
);
create index outbox_unpublished on outbox (seq) where published_at is null;

-- Inbox: the ids of events a consumer has applied, recorded in the same transaction as the effect.
create table inbox (
  consumer text not null,
  event_id uuid not null,
  type text not null,
  applied_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Events a consumer gave up on after repeated failures, kept for an operator to replay.
create table inbox_failures (
  consumer text not null,
  event_id uuid not null,
  type text not null,
  subject text not null,
  payload bytea not null,
  headers jsonb not null,
  error text not null,
  attempts int not null,
  failed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
