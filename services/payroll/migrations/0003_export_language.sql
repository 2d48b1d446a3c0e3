-- The language of an employer's exports (issue 11): its default headers and the labels of its
-- competence group columns, one column per group whatever the language of each employee's form.
-- Null: the organization's default (French for an organization in France, English elsewhere).
-- Saved layouts keep their columns, headers, separator and decimal comma; their column keys did not
-- change ('competence_groups' still stands for one column per group), so nothing else is migrated.
alter table export_layouts add column language text check (language in ('en', 'fr'));
