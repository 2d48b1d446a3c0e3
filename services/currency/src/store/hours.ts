// SQL of approved hours waiting for a currency where none applied when they were approved.
import type { Queryable } from '@e21/kit';
import type { UnpaidHours } from '../domain/hours.js';

interface UnpaidRow {
  entry_id: string;
  person_id: string;
  person_name: string | null;
  territory_id: string;
  territory_path: string[];
  entry_date: string;
  minutes: bigint;
  received_at: Date;
}

const unpaidOf = (r: UnpaidRow): UnpaidHours => ({
  entryId: r.entry_id,
  personId: r.person_id,
  personName: r.person_name,
  territoryId: r.territory_id,
  territoryPath: r.territory_path,
  entryDate: r.entry_date,
  minutes: r.minutes,
  receivedAt: r.received_at,
});

export async function insertUnpaidHours(db: Queryable, u: UnpaidHours): Promise<void> {
  await db.query(
    `insert into unpaid_hours (entry_id, person_id, person_name, territory_id, territory_path, entry_date, minutes, received_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing`,
    [u.entryId, u.personId, u.personName, u.territoryId, u.territoryPath, u.entryDate, u.minutes, u.receivedAt],
  );
}

export async function isUnpaid(db: Queryable, entryId: string): Promise<boolean> {
  const { rowCount } = await db.query(`select 1 from unpaid_hours where entry_id = $1`, [entryId]);
  return (rowCount ?? 0) > 0;
}

/** Unpaid hours in the territory or below it, locked until the transaction that pays them ends. */
export async function unpaidHoursUnder(db: Queryable, territoryId: string): Promise<UnpaidHours[]> {
  const { rows } = await db.query<UnpaidRow>(
    `select * from unpaid_hours where territory_path @> array[$1::uuid] order by received_at, entry_id for update`,
    [territoryId],
  );
  return rows.map(unpaidOf);
}

/** The people of the unpaid hours in the territory or below it whose name was not kept with them. */
export async function unnamedUnpaidPeopleUnder(db: Queryable, territoryId: string): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    `select distinct person_id from unpaid_hours where territory_path @> array[$1::uuid] and person_name is null`,
    [territoryId],
  );
  return rows.map((r) => r.person_id);
}

export async function deleteUnpaidHours(db: Queryable, entryId: string): Promise<void> {
  await db.query(`delete from unpaid_hours where entry_id = $1`, [entryId]);
}
