-- The terms of a project's last approval (total minutes, skills, period): an edit of an approved or
-- running project that departs from them beyond the tolerances goes back to approval
-- (src/domain/approval.ts). Null until the first approval.
alter table projects
  add column approved_minutes int,
  add column approved_skill_ids text[],
  add column approved_start_date date,
  add column approved_end_date date;

-- Projects approved before this migration: their terms as they stand are taken as the approved ones.
update projects p set
  approved_minutes = coalesce((select sum(n.needed_minutes) from project_needs n where n.project_id = p.id), 0),
  approved_skill_ids = coalesce((select array_agg(distinct n.skill_id order by n.skill_id) from project_needs n where n.project_id = p.id), '{}'),
  approved_start_date = p.start_date,
  approved_end_date = p.end_date
where p.status in ('approved', 'active', 'completed');
