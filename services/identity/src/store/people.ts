// SQL for people, their credentials and the sign-in subjects of other issuers linked to them.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { LoginState } from '../domain/credentials.js';
import type { Person } from '../domain/people.js';
import { forUpdate, PERSON_COLUMNS, personFromRow, prefixed, type PersonRow } from './rows.js';

export async function insertPerson(db: Queryable, person: Person): Promise<void> {
  await db.query(`insert into people (${PERSON_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
    person.id,
    person.name,
    person.email,
    person.locale,
    person.status,
    person.territoryId,
    person.version,
    person.createdAt,
    person.updatedAt,
  ]);
}

export async function getPerson(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where id = $1${forUpdate(options)}`, [id]);
  return rows[0] && personFromRow(rows[0]);
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where lower(email) = lower($1)`, [email]);
  return rows[0] && personFromRow(rows[0]);
}

export async function updatePerson(db: Queryable, person: Person): Promise<void> {
  await db.query('update people set name = $2, locale = $3, status = $4, territory_id = $5, version = $6, updated_at = $7 where id = $1', [
    person.id,
    person.name,
    person.locale,
    person.status,
    person.territoryId,
    person.version,
    person.updatedAt,
  ]);
}

/** People living in a territory or below it, by name. */
export async function listPeopleWithin(db: Queryable, territoryId: string, limit: number, cursor?: string): Promise<Page<Person>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<PersonRow>(
    `select ${prefixed(PERSON_COLUMNS, 'p')}
     from people p join territories t on t.id = p.territory_id
     where $1 = any(t.path) and ($2::text is null or (p.name, p.id) > ($2, $3::uuid))
     order by p.name, p.id limit $4`,
    [territoryId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(personFromRow), limit, (last) => [last.name, last.id]);
}

/** A person's territory path and the organizations they belong to: authorization facts. */
export async function personScope(
  db: Queryable,
  personId: string,
): Promise<{ territoryPath: string[]; organizationIds: string[] } | undefined> {
  const { rows } = await db.query<{ path: string[]; organization_ids: string[] }>(
    `select t.path, coalesce(array_agg(m.organization_id) filter (where m.organization_id is not null), '{}') as organization_ids
     from people p join territories t on t.id = p.territory_id left join memberships m on m.person_id = p.id
     where p.id = $1 group by t.path`,
    [personId],
  );
  return rows[0] && { territoryPath: rows[0].path, organizationIds: rows[0].organization_ids };
}

// Credentials and external subjects

export async function setPasswordHash(db: Queryable, personId: string, passwordHash: string): Promise<void> {
  await db.query(
    `insert into credentials (person_id, password_hash) values ($1, $2)
     on conflict (person_id) do update set password_hash = excluded.password_hash, failed_attempts = 0, locked_until = null, updated_at = now()`,
    [personId, passwordHash],
  );
}

export async function getCredentials(
  db: Queryable,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<(LoginState & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<{ password_hash: string; failed_attempts: number; locked_until: Date | null }>(
    `select password_hash, failed_attempts, locked_until from credentials where person_id = $1${forUpdate(options)}`,
    [personId],
  );
  const row = rows[0];
  return row && { passwordHash: row.password_hash, failedAttempts: row.failed_attempts, lockedUntil: row.locked_until };
}

export async function saveLoginState(db: Queryable, personId: string, state: LoginState): Promise<void> {
  await db.query('update credentials set failed_attempts = $2, locked_until = $3, updated_at = now() where person_id = $1', [
    personId,
    state.failedAttempts,
    state.lockedUntil,
  ]);
}

export async function findExternalSubject(db: Queryable, issuer: string, subject: string): Promise<string | undefined> {
  const { rows } = await db.query<{ person_id: string }>('select person_id from external_subjects where issuer = $1 and subject = $2', [
    issuer,
    subject,
  ]);
  return rows[0]?.person_id;
}

export async function linkExternalSubject(db: Queryable, issuer: string, subject: string, personId: string): Promise<void> {
  await db.query('insert into external_subjects (issuer, subject, person_id) values ($1, $2, $3) on conflict do nothing', [
    issuer,
    subject,
    personId,
  ]);
}
