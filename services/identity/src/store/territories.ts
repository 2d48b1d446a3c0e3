// SQL for the territory tree (territories).
import type { Queryable } from '@e21/kit';
import type { Territory } from '../domain/territories.js';
import { TERRITORY_COLUMNS, territoryFromRow, type TerritoryRow } from './rows.js';

export async function upsertTerritory(db: Queryable, territory: Territory): Promise<void> {
  await db.query(
    `insert into territories (${TERRITORY_COLUMNS}) values ($1, $2, $3, $4, $5, $6)
     on conflict (id) do update set parent_id = excluded.parent_id, level = excluded.level, code = excluded.code,
       labels = excluded.labels, path = excluded.path`,
    [territory.id, territory.parentId, territory.level, territory.code, territory.labels, territory.path],
  );
}

export async function getTerritory(db: Queryable, id: string): Promise<Territory | undefined> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where id = $1`, [id]);
  return rows[0] && territoryFromRow(rows[0]);
}

export async function getTerritoryByCode(db: Queryable, code: string): Promise<Territory | undefined> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where upper(code) = upper($1)`, [code]);
  return rows[0] && territoryFromRow(rows[0]);
}

export async function listTerritories(db: Queryable): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories order by array_length(path, 1), code`);
  return rows.map(territoryFromRow);
}

export async function listChildTerritories(db: Queryable, id: string): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where parent_id = $1 order by code`, [id]);
  return rows.map(territoryFromRow);
}

/** The territories of a path, in the path's order. */
export async function territoriesOnPath(db: Queryable, path: string[]): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where id = any($1::uuid[])`, [path]);
  const byId = new Map(rows.map((row) => [row.id, territoryFromRow(row)]));
  return path.map((id) => byId.get(id)).filter((t): t is Territory => t !== undefined);
}

export async function descendantTerritoryIds(db: Queryable, id: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from territories where $1 = any(path) order by array_length(path, 1), code', [
    id,
  ]);
  return rows.map((row) => row.id);
}

/** A territory's path (root..itself), an authorization fact. */
export async function territoryPathOf(db: Queryable, territoryId: string): Promise<string[] | undefined> {
  const { rows } = await db.query<{ path: string[] }>('select path from territories where id = $1', [territoryId]);
  return rows[0]?.path;
}
