// Wallets and accounts: balances, histories with running balances, monthly statements, payments.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { StatementFormat } from '@e21/proto/e21/currency/v1/currency';
import type { GatewayDeps } from '../../deps.js';
import { callerOf, requirePerson } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, emptyQuery, limit, orNull, uuid } from '../common.js';
import { accountOut, historyEntryOut, ownerKindIn, transferOut } from './mapping.js';
import { Account, amountMinor, History, month, reference, STATEMENT_FORMATS, Transfer } from './schemas.js';

const accountParam = z.object({ accountId: uuid }).strict();
const NO_STORE = { 'Cache-Control': 'no-store' };
export const IDEMPOTENCY_NOTE = ' Send an Idempotency-Key header to make a retry safe: the transfer id is derived from it.';

export function walletRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/wallet',
      summary: 'My wallet: my accounts, one per currency, with their balances',
      tag: 'wallet',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Account) }), description: 'My accounts' },
      async handler({ actor }) {
        const { accounts } = await deps.currency.listAccounts(
          { ownerKind: ownerKindIn('person'), ownerId: requirePerson(actor).personId },
          { caller: callerOf(actor) },
        );
        return { body: { items: accounts.map(accountOut) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/accounts',
      summary:
        'Open my account in a currency, or an organization’s (its admins; in the currency of its place). Opening twice gives the same account',
      tag: 'wallet',
      access: 'person',
      refusals: ['unknown_currency', 'unknown_person', 'unknown_organization', 'currency_mismatch', 'no_currency_here'],
      body: z
        .object({ currencyId: uuid, organizationId: uuid.optional().describe('the organization whose account it is; mine when absent') })
        .strict(),
      fieldNames: { owner_id: 'body.organizationId' },
      response: { status: 201, schema: Account, description: 'The account' },
      async handler({ actor, body }) {
        const owner = body.organizationId
          ? { ownerKind: ownerKindIn('organization'), ownerId: body.organizationId }
          : { ownerKind: ownerKindIn('person'), ownerId: requirePerson(actor).personId };
        const account = await deps.currency.openAccount({ ...owner, currencyId: body.currencyId }, { caller: callerOf(actor) });
        return { status: 201, body: accountOut(account), headers: { Location: `/v1/accounts/${account.id}` } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/accounts/:accountId',
      summary: 'An account and its balance (its person, or its organization’s members)',
      tag: 'wallet',
      access: 'person',
      params: accountParam,
      query: emptyQuery,
      response: { status: 200, schema: Account, description: 'The account' },
      async handler({ actor, params }) {
        return {
          body: accountOut(await deps.currency.getAccount({ id: params.accountId }, { caller: callerOf(actor) })),
          headers: NO_STORE,
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/accounts/:accountId/history',
      summary: 'An account’s entries, latest first, each with the balance it left',
      tag: 'wallet',
      access: 'person',
      params: accountParam,
      query: z.object({ limit, cursor }).strict(),
      response: { status: 200, schema: History, description: 'The account and its entries' },
      async handler({ actor, params, query }) {
        const found = await deps.currency.listAccountHistory(
          { accountId: params.accountId, limit: query.limit ?? 50, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return {
          body: { account: accountOut(found.account!), items: found.entries.map(historyEntryOut), nextCursor: orNull(found.nextCursor) },
          headers: NO_STORE,
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/accounts/:accountId/statements/:month',
      summary: 'A month’s statement (UTC) as PDF or CSV: opening balance, entries, closing balance',
      tag: 'wallet',
      access: 'person',
      params: z.object({ accountId: uuid, month }).strict(),
      query: z.object({ format: z.enum(STATEMENT_FORMATS).default('pdf') }).strict(),
      response: { status: 200, description: 'The statement (application/pdf or text/csv)' },
      async handler({ actor, params, query, language }) {
        const statement = await deps.currency.renderStatement(
          {
            accountId: params.accountId,
            month: params.month,
            format: toProtoEnum<StatementFormat>('STATEMENT_FORMAT', query.format),
            language,
          },
          { caller: callerOf(actor) },
        );
        return {
          file: { contentType: statement.contentType, data: statement.content, filename: statement.filename, download: true },
          headers: { 'Cache-Control': 'private, no-cache' },
        };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/accounts/:accountId/payments',
      summary: `Pay from this account (mine, or my organization’s as its admin) into another account of the same currency.${IDEMPOTENCY_NOTE}`,
      tag: 'wallet',
      access: 'person',
      refusals: [
        'invalid_amount',
        'amount_too_large',
        'unknown_account',
        'same_account',
        'currency_mismatch',
        'transfer_not_allowed',
        'insufficient_funds',
        'merchant_not_verified',
      ],
      params: accountParam,
      body: z.object({ toAccountId: uuid, amountMinor, reference }).strict(),
      idempotent: true,
      fieldNames: { from_account_id: 'params.accountId' },
      response: { status: 201, schema: Transfer, description: 'The transfer (the first one, for a retry)' },
      async handler({ actor, params, body, idempotencyKey }) {
        const transfer = await deps.currency.pay(
          {
            fromAccountId: params.accountId,
            toAccountId: body.toAccountId,
            amountMinor: BigInt(body.amountMinor),
            reference: body.reference ?? '',
            idempotencyKey,
          },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: transferOut(transfer), headers: { Location: `/v1/transfers/${transfer.id}` } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/transfers/:transferId',
      summary: 'One transfer (to the people on either side of it)',
      tag: 'wallet',
      access: 'person',
      params: z.object({ transferId: uuid }).strict(),
      query: emptyQuery,
      response: { status: 200, schema: Transfer, description: 'The transfer' },
      async handler({ actor, params }) {
        return { body: transferOut(await deps.currency.getTransfer({ id: params.transferId }, { caller: callerOf(actor) })) };
      },
    }),
  ];
}
