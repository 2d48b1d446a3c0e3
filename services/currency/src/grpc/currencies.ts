// Territories' currencies: their settings, and which one applies where.
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, notFound, orThrow, Refused, throwIfRefused, unknownReference, withTransaction, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { checkNoOverlap, checkSettingsChange, nearestCurrency, validateSettings, type CurrencyRecord } from '../domain/currencies.js';
import * as events from '../events.js';
import { namesOfUnnamedWaiting, payWaitingHours } from '../hours.js';
import { currencyToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { requireTreasury } from './access.js';
import { callerOf, callerText, requireUuid, type HandlerDeps } from './context.js';

type CurrencyHandlers = Pick<
  Handlers<typeof CurrencyServiceService>,
  'configureCurrency' | 'getCurrency' | 'getCurrencyOfTerritory' | 'listCurrencies'
>;

export function currencyHandlers(deps: HandlerDeps): CurrencyHandlers {
  return {
    async configureCurrency(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      await requireTreasury(deps, caller, { territoryId }, 'currency.treasury.configure');
      const settings = orThrow(
        validateSettings({
          code: request.code,
          name: request.name,
          minorUnits: request.minorUnits,
          ratePerHourMinor: request.ratePerHourMinor,
          redemptionFeeBasisPoints: request.redemptionFeeBasisPoints,
        }),
      );
      const territory = await deps.directory.territory(territoryId);
      if (!territory) throw unknownReference('territory_id', 'territory', territoryId);
      const descendants = await deps.directory.descendantIds(territoryId);
      const names = await namesOfUnnamedWaiting(deps.pool, deps.directory, territoryId);
      const at = deps.now();
      try {
        const saved = await withTransaction(deps.pool, async (tx) => {
          // One configuration at a time: two currencies over one place cannot be created side by side.
          await store.lockCurrencyMap(tx, 'exclusive');
          const existing = await store.getCurrencyOfTerritory(tx, territoryId, { forUpdate: true });
          throwIfRefused(checkSettingsChange(existing, request.expectedVersion, settings));
          if (existing) {
            const changed: CurrencyRecord = {
              ...existing,
              name: settings.name,
              ratePerHourMinor: settings.ratePerHourMinor,
              redemptionFeeBasisPoints: settings.redemptionFeeBasisPoints,
              version: existing.version + 1,
              configuredBy: callerText(caller),
              configuredAt: at,
            };
            await store.updateCurrency(tx, changed);
            await events.currencyConfigured(tx, changed, existing.version);
            return changed;
          }
          const others = await store.currenciesOn(tx, [...territory.nearestFirst, ...descendants]);
          throwIfRefused(
            checkNoOverlap(
              territoryId,
              territory.nearestFirst,
              descendants,
              others.map((c) => c.territoryId),
            ),
          );
          const created: CurrencyRecord = {
            ...settings,
            id: randomUUID(),
            territoryId,
            territoryPath: [...territory.nearestFirst].reverse(),
            territoryName: territory.name,
            issuanceAccountId: randomUUID(),
            version: 1,
            configuredBy: callerText(caller),
            configuredAt: at,
            createdAt: at,
          };
          await store.insertCurrency(tx, created);
          await store.openAccount(tx, {
            id: created.issuanceAccountId,
            currencyId: created.id,
            ownerKind: 'issuance',
            ownerId: territoryId,
            ownerName: created.code,
            organizationKind: null,
            createdAt: at,
          });
          await events.currencyConfigured(tx, created, 0);
          const paid = await payWaitingHours(tx, deps.now, created, names);
          if (paid) deps.logger.info({ currency: created.code, entries: paid }, 'paid the hours that waited for this currency');
          return created;
        });
        return currencyToProto(saved);
      } catch (error) {
        if (isUniqueViolation(error, 'currencies_code_key'))
          throw new Refused('conflict', 'code_taken', `Another territory's currency is called ${settings.code}`, [
            { field: 'code', message: 'is taken by another currency' },
          ]);
        throw error;
      }
    },

    async getCurrency(request, call) {
      callerOf(call);
      const id = requireUuid(request.id, 'id');
      const currency = await store.getCurrency(deps.pool, id);
      if (!currency) throw notFound('currency', id);
      return currencyToProto(currency);
    },

    async getCurrencyOfTerritory(request, call) {
      callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const territory = await deps.directory.territory(territoryId);
      if (!territory) throw notFound('territory', territoryId);
      const currency = nearestCurrency(territory.nearestFirst, await store.currenciesOn(deps.pool, territory.nearestFirst));
      if (!currency) throw new Refused('not_found', 'no_currency_here', 'No local currency applies to this territory yet');
      return currencyToProto(currency);
    },

    async listCurrencies(_request, call) {
      callerOf(call);
      return { currencies: (await store.listCurrencies(deps.pool)).map(currencyToProto) };
    },
  };
}
