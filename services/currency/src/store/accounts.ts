// SQL of accounts: opening one, reading them with their pending redemptions, and locking them to post.
import type { Queryable } from '@e21/kit';
import type { AccountRecord, LedgerAccount, OwnerKind } from '../domain/ledger.js';

interface AccountRow {
  id: string;
  currency_id: string;
  currency_code: string;
  minor_units: number;
  owner_kind: OwnerKind;
  owner_id: string;
  owner_name: string;
  organization_kind: string | null;
  balance_minor: bigint;
  created_at: Date;
  pending_redemption_minor: bigint;
}

const ACCOUNT_SELECT = `select a.id, a.currency_id, c.code as currency_code, c.minor_units, a.owner_kind, a.owner_id, a.owner_name,
    a.organization_kind, a.balance_minor, a.created_at,
    coalesce((select sum(r.amount_minor) from redemptions r where r.account_id = a.id and r.status = 'requested'), 0)::bigint as pending_redemption_minor
  from accounts a join currencies c on c.id = a.currency_id`;

const accountOf = (row: AccountRow): AccountRecord => ({
  id: row.id,
  currencyId: row.currency_id,
  currencyCode: row.currency_code,
  minorUnits: row.minor_units,
  ownerKind: row.owner_kind,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  organizationKind: row.organization_kind,
  balanceMinor: row.balance_minor,
  createdAt: row.created_at,
  pendingRedemptionMinor: row.pending_redemption_minor,
});

export interface NewAccount {
  id: string;
  currencyId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  ownerName: string;
  organizationKind: string | null;
  createdAt: Date;
}

/** Opens the account, or keeps the one already open for the same owner and currency; returns it. */
export async function openAccount(db: Queryable, a: NewAccount): Promise<AccountRecord> {
  await db.query(
    `insert into accounts (id, currency_id, owner_kind, owner_id, owner_name, organization_kind, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (currency_id, owner_kind, owner_id) do nothing`,
    [a.id, a.currencyId, a.ownerKind, a.ownerId, a.ownerName, a.organizationKind, a.createdAt],
  );
  return (await findAccount(db, a.currencyId, a.ownerKind, a.ownerId))!;
}

export async function getAccount(db: Queryable, id: string): Promise<AccountRecord | undefined> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.id = $1`, [id]);
  return rows[0] && accountOf(rows[0]);
}

export async function findAccount(
  db: Queryable,
  currencyId: string,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<AccountRecord | undefined> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.currency_id = $1 and a.owner_kind = $2 and a.owner_id = $3`, [
    currencyId,
    ownerKind,
    ownerId,
  ]);
  return rows[0] && accountOf(rows[0]);
}

export async function listAccountsOf(db: Queryable, ownerKind: OwnerKind, ownerId: string): Promise<AccountRecord[]> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.owner_kind = $1 and a.owner_id = $2 order by c.code`, [
    ownerKind,
    ownerId,
  ]);
  return rows.map(accountOf);
}

export interface LockedAccount extends LedgerAccount {
  currencyCode: string;
  ownerId: string;
  ownerName: string;
}

/**
 * Locks the accounts' rows in id order (the sort runs before the rows are locked) and returns their
 * balances as they are under the lock.
 */
export async function lockAccounts(db: Queryable, ids: string[]): Promise<LockedAccount[]> {
  const { rows } = await db.query<{
    id: string;
    currency_id: string;
    code: string;
    owner_kind: OwnerKind;
    owner_id: string;
    owner_name: string;
    balance_minor: bigint;
    verified: boolean | null;
  }>(
    `select a.id, a.currency_id, c.code, a.owner_kind, a.owner_id, a.owner_name, a.balance_minor, m.verified
     from accounts a join currencies c on c.id = a.currency_id
       left join merchants m on a.owner_kind = 'organization' and m.organization_id = a.owner_id
     where a.id = any($1::uuid[]) order by a.id for update of a`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id,
    currencyId: row.currency_id,
    currencyCode: row.code,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    balanceMinor: row.balance_minor,
    verified: row.verified === true,
  }));
}
