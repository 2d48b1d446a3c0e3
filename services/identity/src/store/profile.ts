// The profile read model: everything "my profile" shows (person, residence path, memberships,
// competences, roles), read in one round trip.
import type { Queryable } from '@e21/kit';
import type { ProfileRecord } from '../domain/people.js';
import {
  grantFromRow,
  MEMBERSHIP_SELECT,
  membershipFromRow,
  personFromRow,
  skillFromRow,
  territoryFromRow,
  type GrantRow,
  type MembershipRow,
  type PersonRow,
  type SkillRow,
  type TerritoryRow,
} from './rows.js';

/** JSON gives timestamps as strings; the row mappers expect Dates. */
function withDates<T extends object>(row: T, keys: (keyof T & string)[]): T {
  const copy = { ...row } as Record<string, unknown>;
  for (const key of keys) if (copy[key] !== null) copy[key] = new Date(copy[key] as string);
  return copy as T;
}

export async function loadProfile(db: Queryable, personId: string): Promise<ProfileRecord | undefined> {
  const { rows } = await db.query<{
    person: PersonRow;
    path: TerritoryRow[];
    memberships: MembershipRow[];
    competences: { person_id: string; skill_id: string; level: number; skill: SkillRow; broader: SkillRow | null }[];
    grants: GrantRow[];
  }>(
    `select row_to_json(p) as person,
       (select json_agg(row_to_json(t) order by array_length(t.path, 1) desc) from territories t where t.id = any(home.path)) as path,
       (select coalesce(json_agg(row_to_json(m) order by m.organization_name), '[]')
          from (${MEMBERSHIP_SELECT} where m.person_id = $1) m) as memberships,
       (select coalesce(json_agg(json_build_object('person_id', c.person_id, 'skill_id', c.skill_id, 'level', c.level,
                 'skill', row_to_json(s), 'broader', row_to_json(b)) order by c.skill_id), '[]')
          from competences c join skills s on s.id = c.skill_id left join skills b on b.id = s.broader_id
          where c.person_id = p.id) as competences,
       (select coalesce(json_agg(row_to_json(g) order by g.granted_at, g.id), '[]')
          from role_grants g where g.grantee = 'person:' || p.id and g.revoked_at is null) as grants
     from people p join territories home on home.id = p.territory_id
     where p.id = $1`,
    [personId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    person: personFromRow(withDates(row.person, ['created_at', 'updated_at'])),
    territoryPath: row.path.map(territoryFromRow),
    memberships: row.memberships.map((m) => membershipFromRow(withDates(m, ['since']))),
    competences: row.competences.map((c) => ({
      competence: { personId: c.person_id, skillId: c.skill_id, level: c.level },
      skill: skillFromRow(c.skill),
      broader: c.broader ? skillFromRow(c.broader) : undefined,
    })),
    grants: row.grants.map((g) => grantFromRow(withDates(g, ['granted_at', 'revoked_at']))),
  };
}
