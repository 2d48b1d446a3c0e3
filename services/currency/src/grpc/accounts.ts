// Accounts: opening one, a person's wallet and an organization's accounts, history and statements.
import { randomUUID } from 'node:crypto';
import { clampLimit, forbidden, invalid, orThrow, Refused, withTransaction, type Caller, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { nearestCurrency, type CurrencyRecord } from '../domain/currencies.js';
import { closingBalance, monthBounds } from '../domain/statements.js';
import { statementDocument } from '../documents.js';
import { accountToProto, historyToProto, ownerKindFromProto, statementFormatFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { accountFor, requireOrganization } from './access.js';
import { callerOf, requireUuid, type HandlerDeps } from './context.js';

type AccountHandlers = Pick<
  Handlers<typeof CurrencyServiceService>,
  'openAccount' | 'getAccount' | 'listAccounts' | 'listAccountHistory' | 'renderStatement'
>;

/** The currency an organization's accounts are in: the one that applies where it is. */
export async function currencyOfOrganization(deps: HandlerDeps, territoryId: string): Promise<CurrencyRecord> {
  const territory = await deps.directory.territory(territoryId);
  const currency = territory && nearestCurrency(territory.nearestFirst, await store.currenciesOn(deps.pool, territory.nearestFirst));
  if (!currency) throw new Refused('conflict', 'no_currency_here', 'No local currency applies where this organization is');
  return currency;
}

export function accountHandlers(deps: HandlerDeps): AccountHandlers {
  async function existingCurrency(id: string): Promise<CurrencyRecord> {
    const currency = await store.getCurrency(deps.pool, id);
    if (!currency)
      throw new Refused('invalid', 'unknown_currency', `currency_id: no currency with id ${id}`, [
        { field: 'currency_id', message: 'is not a known currency' },
      ]);
    return currency;
  }

  /** A person holds an account in any currency; an organization only in the currency of its place. */
  async function openFor(caller: Caller, ownerKind: 'person' | 'organization', ownerId: string, currency: CurrencyRecord) {
    if (ownerKind === 'person') {
      if (caller.kind !== 'system' && !(caller.kind === 'person' && caller.personId === ownerId))
        throw forbidden('People open their own accounts');
      const name = await deps.directory.personName(ownerId);
      if (name === undefined)
        throw new Refused('invalid', 'unknown_person', `owner_id: no person with id ${ownerId}`, [
          { field: 'owner_id', message: 'is not a known person' },
        ]);
      return { ownerName: name, organizationKind: null };
    }
    await requireOrganization(deps, caller, ownerId, 'spend');
    const organization = await deps.directory.organization(ownerId);
    if (!organization)
      throw new Refused('invalid', 'unknown_organization', `owner_id: no organization with id ${ownerId}`, [
        { field: 'owner_id', message: 'is not a known organization' },
      ]);
    const local = await currencyOfOrganization(deps, organization.territoryId);
    if (local.id !== currency.id)
      throw new Refused('invalid', 'currency_mismatch', `An organization holds the currency of its place, ${local.code}`, [
        { field: 'currency_id', message: `must be ${local.code}, the currency of the organization's place` },
      ]);
    return { ownerName: organization.name, organizationKind: organization.kind };
  }

  return {
    async openAccount(request, call) {
      const caller = callerOf(call);
      const ownerKind = ownerKindFromProto(request.ownerKind);
      if (ownerKind !== 'person' && ownerKind !== 'organization')
        throw invalid('owner_kind', 'must be person or organization', 'invalid_enum');
      const ownerId = requireUuid(request.ownerId, 'owner_id');
      const currency = await existingCurrency(requireUuid(request.currencyId, 'currency_id'));
      const owner = await openFor(caller, ownerKind, ownerId, currency);
      const opened = { id: randomUUID(), currencyId: currency.id, ownerKind, ownerId, ...owner, createdAt: deps.now() };
      const account = await store.openAccount(deps.pool, opened);
      return accountToProto(account);
    },

    async getAccount(request, call) {
      return accountToProto(await accountFor(deps, callerOf(call), requireUuid(request.id, 'id'), 'read'));
    },

    async listAccounts(request, call) {
      const caller = callerOf(call);
      const ownerKind = ownerKindFromProto(request.ownerKind);
      const ownerId = requireUuid(request.ownerId, 'owner_id');
      if (ownerKind === 'person') {
        if (caller.kind !== 'system' && !(caller.kind === 'person' && caller.personId === ownerId))
          throw forbidden('A wallet is read by its owner only');
      } else if (ownerKind === 'organization') {
        await requireOrganization(deps, caller, ownerId, 'collect');
      } else {
        throw invalid('owner_kind', 'must be person or organization', 'invalid_enum');
      }
      return { accounts: (await store.listAccountsOf(deps.pool, ownerKind, ownerId)).map(accountToProto) };
    },

    async listAccountHistory(request, call) {
      const account = await accountFor(deps, callerOf(call), requireUuid(request.accountId, 'account_id'), 'read');
      const found = await store.listHistory(deps.pool, account.id, clampLimit(request.limit, 50, 200), request.cursor || undefined);
      return { account: accountToProto(account), entries: found.items.map(historyToProto), nextCursor: found.nextCursor };
    },

    async renderStatement(request, call) {
      const account = await accountFor(deps, callerOf(call), requireUuid(request.accountId, 'account_id'), 'read');
      const { start, end } = orThrow(monthBounds(request.month));
      const format = statementFormatFromProto(request.format) ?? 'pdf';
      // One snapshot: the opening balance and the month's entries agree even while money moves.
      const [openingMinor, lines] = await withTransaction(
        deps.pool,
        async (tx) => [await store.balanceAt(tx, account.id, start), await store.entriesBetween(tx, account.id, start, end)] as const,
        { isolation: 'repeatable read' },
      );
      return statementDocument(
        {
          accountId: account.id,
          ownerName: account.ownerName,
          currencyCode: account.currencyCode,
          minorUnits: account.minorUnits,
          month: request.month,
          openingMinor,
          closingMinor: closingBalance(openingMinor, lines),
          lines,
        },
        format,
        request.language === 'fr' ? 'fr' : 'en',
      );
    },
  };
}
