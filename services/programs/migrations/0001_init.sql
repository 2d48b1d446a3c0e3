-- Programs: strategic challenges, projects with their needs, teams, join requests, board decisions,
-- feedback and local programs. Territories, people and skills are identity's: only their ids are here.

create table challenges (
  id uuid primary key,
  territory_id uuid not null,
  title text not null,
  description text not null default '',
  -- numbers of the Sustainable Development Goals, 1..17
  sdgs smallint[] not null default '{}',
  refines_id uuid references challenges(id),
  version int not null default 1,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index challenges_territory on challenges (territory_id);
create index challenges_refines on challenges (refines_id);

create table projects (
  id uuid primary key,
  territory_id uuid not null,
  title text not null,
  description text not null default '',
  kind text not null check (kind in ('general_interest', 'individual_initiative', 'international_solidarity')),
  status text not null check (status in ('draft', 'proposed', 'approved', 'refused', 'active', 'completed', 'cancelled')),
  coordinator_id uuid not null,
  start_date date not null,
  end_date date not null check (end_date >= start_date),
  refusal_reason text not null default '',
  -- title and description, lower-case and without accents, for text search
  search_text text not null default '',
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index projects_territory on projects (territory_id, status);
create index projects_listing on projects (created_at desc, id desc);

create table project_challenges (
  project_id uuid not null references projects(id) on delete cascade,
  challenge_id uuid not null references challenges(id),
  primary key (project_id, challenge_id)
);
create index project_challenges_challenge on project_challenges (challenge_id);

create table project_needs (
  id uuid primary key,
  project_id uuid not null references projects(id) on delete cascade,
  position int not null,
  skill_id text not null,
  needed_minutes int not null check (needed_minutes > 0),
  start_date date,
  end_date date,
  check (start_date is null or end_date is null or end_date >= start_date)
);
create index project_needs_project on project_needs (project_id, position);
create index project_needs_skill on project_needs (skill_id);

-- Every status change, with who and when.
create table project_transitions (
  seq bigserial primary key,
  project_id uuid not null references projects(id) on delete cascade,
  from_status text not null,
  to_status text not null,
  changed_by text not null,
  changed_at timestamptz not null,
  reason text not null default ''
);
create index project_transitions_project on project_transitions (project_id, seq);

-- Team membership over time: a role change ends one row and starts another, so the board of any
-- past moment (a decision's deadline) can be told.
create table project_members (
  id uuid primary key,
  project_id uuid not null references projects(id) on delete cascade,
  person_id uuid not null,
  role text not null check (role in ('coordinator', 'co_manager', 'contributor')),
  -- a need can only be removed while nobody fills it: past members keep their row, without it
  need_id uuid references project_needs(id) on delete set null,
  minutes int not null default 0 check (minutes >= 0),
  since timestamptz not null,
  until timestamptz,
  ended_by text
);
create unique index project_members_current on project_members (project_id, person_id) where until is null;
create index project_members_person on project_members (person_id) where until is null;
create index project_members_need on project_members (need_id) where until is null;

create table join_requests (
  id uuid primary key,
  project_id uuid not null references projects(id) on delete cascade,
  person_id uuid not null,
  -- null once the need was removed (pending requests for it are declined then)
  need_id uuid references project_needs(id) on delete set null,
  minutes int not null check (minutes > 0),
  message text not null default '',
  status text not null check (status in ('pending', 'accepted', 'declined')),
  idempotency_key text,
  created_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  decision_reason text not null default ''
);
create unique index join_requests_pending on join_requests (project_id, person_id) where status = 'pending';
create unique index join_requests_idempotency on join_requests (person_id, idempotency_key) where idempotency_key is not null;
create index join_requests_project on join_requests (project_id, created_at);

create table decisions (
  id uuid primary key,
  project_id uuid not null references projects(id) on delete cascade,
  title text not null,
  description text not null default '',
  deadline timestamptz not null,
  proposed_by uuid not null,
  created_at timestamptz not null
);
create index decisions_project on decisions (project_id, created_at);

create table decision_votes (
  decision_id uuid not null references decisions(id) on delete cascade,
  person_id uuid not null,
  vote text not null check (vote in ('for', 'against', 'abstain')),
  voted_at timestamptz not null,
  -- one vote per person: a second one is refused, never counted
  primary key (decision_id, person_id)
);

create table feedback (
  project_id uuid not null references projects(id) on delete cascade,
  person_id uuid not null,
  role text not null check (role in ('contributor', 'beneficiary')),
  rating smallint not null check (rating between 1 and 5),
  comment text not null default '',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (project_id, person_id)
);

create table local_programs (
  id uuid primary key,
  territory_id uuid not null,
  year int not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft')),
  version int not null default 1,
  drafted_by text not null,
  drafted_at timestamptz not null,
  unique (territory_id, year)
);

create table local_program_projects (
  program_id uuid not null references local_programs(id) on delete cascade,
  project_id uuid not null references projects(id),
  primary key (program_id, project_id)
);
