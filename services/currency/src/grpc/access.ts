// Who may read or move the money of an account, use an organization's till, or act for a
// currency's treasury. Identity decides organization and treasury roles; owners are checked here.
import { forbidden, notFound, type Caller } from '@e21/kit';
import type { CurrencyRecord } from '../domain/currencies.js';
import type { CurrencyAction } from '../directory.js';
import type { AccountRecord } from '../domain/ledger.js';
import * as store from '../store/index.js';
import type { HandlerDeps } from './context.js';

export type AccountUse = 'read' | 'spend';

const ORGANIZATION_ACTION: Record<AccountUse, CurrencyAction> = {
  read: 'currency.organization.collect',
  spend: 'currency.organization.spend',
};

/**
 * Whether the caller may read (or spend from) the account: its person, its organization's members
 * (admins to spend), the treasury to read issuance.
 */
export async function mayUse(deps: HandlerDeps, caller: Caller, account: AccountRecord, use: AccountUse): Promise<boolean> {
  if (caller.kind === 'system') return true;
  if (caller.kind !== 'person') return false;
  switch (account.ownerKind) {
    case 'person':
      return account.ownerId === caller.personId;
    case 'organization':
      return deps.directory.may(caller, ORGANIZATION_ACTION[use], { organizationId: account.ownerId });
    case 'issuance':
      // Money leaves the issuance account only to pay for hours, which no caller asks for.
      return use === 'read' && deps.directory.may(caller, 'currency.treasury.read', { territoryId: account.ownerId });
  }
}

/**
 * The account, if the caller may use it. To anyone but a service, an unknown account and
 * someone else's look the same.
 */
export async function accountFor(deps: HandlerDeps, caller: Caller, id: string, use: AccountUse): Promise<AccountRecord> {
  const account = await store.getAccount(deps.pool, id);
  if (!account) throw caller.kind === 'system' ? notFound('account', id) : forbidden('This is not an account you may use');
  if (!(await mayUse(deps, caller, account, use)))
    throw forbidden(use === 'read' ? 'This is not an account you may read' : 'You may not move money from this account');
  return account;
}

/** Throws unless the caller may act for the organization (collect: any member; spend: its admins). */
export async function requireOrganization(
  deps: HandlerDeps,
  caller: Caller,
  organizationId: string,
  use: 'collect' | 'spend',
): Promise<void> {
  if (caller.kind === 'system') return;
  const action: CurrencyAction = use === 'collect' ? 'currency.organization.collect' : 'currency.organization.spend';
  if (caller.kind !== 'person' || !(await deps.directory.may(caller, action, { organizationId }))) {
    throw forbidden(use === 'collect' ? "Only the organization's members use its till" : "Only the organization's admins move its money");
  }
}

/** Throws unless the caller is a treasury officer of the currency's territory or above. */
export async function requireTreasury(
  deps: HandlerDeps,
  caller: Caller,
  currency: Pick<CurrencyRecord, 'territoryId'>,
  action: 'currency.treasury.read' | 'currency.treasury.approve' | 'currency.treasury.configure',
): Promise<void> {
  if (caller.kind === 'system') return;
  if (caller.kind !== 'person' || !(await deps.directory.may(caller, action, { territoryId: currency.territoryId }))) {
    throw forbidden("Only the treasury officers of the currency's territory do this");
  }
}
