// Redemptions to euros: a merchant asks, a treasury officer of the currency's territory approves
// (the amount goes back to the issuance account, the fee is kept, the payout reference stored) or rejects.
import { randomUUID } from 'node:crypto';
import { clampLimit, invalid, notFound, Refused, throwIfRefused, withTransaction, type Caller, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { checkText } from '../domain/amounts.js';
import { keyedId, redemptionTransferId } from '../domain/ids.js';
import { checkRetry } from '../domain/ledger.js';
import { checkVerified } from '../domain/merchants.js';
import {
  checkDecision,
  checkRedeemer,
  checkRedemptionRequest,
  feeFor,
  PAYOUT_REFERENCE_MAX_LENGTH,
  type RedemptionRecord,
} from '../domain/redemptions.js';
import * as events from '../events.js';
import { redemptionStatusFromProto, redemptionToProto } from '../mapping.js';
import { post } from '../posting.js';
import * as store from '../store/index.js';
import { requireOrganization, requireTreasury } from './access.js';
import { currencyOfOrganization } from './accounts.js';
import { callerOf, callerText, idempotencyKeyOf, optionalUuid, requestHash, requireUuid, type HandlerDeps } from './context.js';

type RedemptionHandlers = Pick<
  Handlers<typeof CurrencyServiceService>,
  'requestRedemption' | 'approveRedemption' | 'rejectRedemption' | 'listRedemptions'
>;

const REASON_MAX_LENGTH = 500;

export function redemptionHandlers(deps: HandlerDeps): RedemptionHandlers {
  /** The redemption and the right to decide it: treasury officers of its currency's territory or above. */
  async function forDecision(caller: Caller, id: string): Promise<RedemptionRecord> {
    const redemption = await store.getRedemption(deps.pool, id);
    if (!redemption) throw notFound('redemption', id);
    const currency = (await store.getCurrency(deps.pool, redemption.currencyId))!;
    await requireTreasury(deps, caller, currency, 'currency.treasury.approve');
    return redemption;
  }

  return {
    async requestRedemption(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const key = idempotencyKeyOf(request.idempotencyKey);
      await requireOrganization(deps, caller, organizationId, 'spend');
      const organization = await deps.directory.organization(organizationId);
      if (!organization) throw notFound('organization', organizationId);
      throwIfRefused(checkRedeemer(organization.kind) ?? checkVerified(await store.getMerchant(deps.pool, organizationId)));
      const currency = await currencyOfOrganization(deps, organization.territoryId);
      const id = key ? keyedId('redemption', organizationId, callerText(caller), key) : randomUUID();
      const hash = requestHash({ organizationId, amountMinor: request.amountMinor });
      const saved = await withTransaction(deps.pool, async (tx) => {
        await store.lockKey(tx, `redemption:${id}`);
        const earlier = await store.getRedemption(tx, id);
        if (earlier) {
          throwIfRefused(checkRetry(earlier, hash));
          return earlier;
        }
        const account = await store.findAccount(tx, currency.id, 'organization', organizationId);
        // The account's row is locked: two requests at once both count what the other reserves.
        const [locked] = account ? await store.lockAccounts(tx, [account.id]) : [];
        const pending = account ? (await store.getAccount(tx, account.id))!.pendingRedemptionMinor : 0n;
        throwIfRefused(
          checkRedemptionRequest({
            organizationKind: organization.kind,
            amountMinor: request.amountMinor,
            balanceMinor: locked?.balanceMinor ?? 0n,
            pendingMinor: pending,
          }),
        );
        const at = deps.now();
        const created: RedemptionRecord = {
          id,
          organizationId,
          organizationName: organization.name,
          accountId: account!.id,
          currencyId: currency.id,
          currencyCode: currency.code,
          minorUnits: currency.minorUnits,
          amountMinor: request.amountMinor,
          feeBasisPoints: currency.redemptionFeeBasisPoints,
          feeMinor: feeFor(request.amountMinor, currency.redemptionFeeBasisPoints),
          status: 'requested',
          requestHash: hash,
          requestedBy: callerText(caller),
          requestedAt: at,
          decidedBy: null,
          decidedAt: null,
          payoutReference: '',
          rejectionReason: '',
          transferId: null,
        };
        await store.insertRedemption(tx, created);
        return created;
      });
      return redemptionToProto(saved);
    },

    async approveRedemption(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      throwIfRefused(checkText(request.payoutReference, 'payout_reference', PAYOUT_REFERENCE_MAX_LENGTH, { required: true }));
      const payoutReference = request.payoutReference.trim();
      await forDecision(caller, id);
      const approved = await withTransaction(deps.pool, async (tx) => {
        const redemption = (await store.getRedemption(tx, id, { forUpdate: true }))!;
        const decision = checkDecision(redemption, 'approve', payoutReference);
        if (decision === 'replay') return redemption;
        if (decision !== 'decide') throw Refused.from(decision);
        // Euros go to verified merchants only: a verification revoked since the request holds it back.
        throwIfRefused(checkVerified(await store.getMerchant(tx, redemption.organizationId)));
        const currency = (await store.getCurrency(tx, redemption.currencyId))!;
        // Out of circulation: the whole amount returns to the issuance account; the fee is kept from the euros paid out.
        const transfer = await post(
          tx,
          {
            id: redemptionTransferId(id),
            kind: 'redemption',
            debitAccountId: redemption.accountId,
            creditAccountId: currency.issuanceAccountId,
            amountMinor: redemption.amountMinor,
            reference: payoutReference,
            requestHash: requestHash({ redemptionId: id }),
            postedBy: callerText(caller),
            redemptionId: id,
          },
          deps.now,
        );
        const decided: RedemptionRecord = {
          ...redemption,
          status: 'approved',
          decidedBy: callerText(caller),
          decidedAt: transfer.postedAt,
          payoutReference,
          transferId: transfer.id,
        };
        await store.decideRedemption(tx, decided);
        await events.redemptionApproved(tx, decided);
        return decided;
      });
      return redemptionToProto(approved);
    },

    async rejectRedemption(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      throwIfRefused(checkText(request.reason, 'reason', REASON_MAX_LENGTH, { required: true }));
      await forDecision(caller, id);
      const rejected = await withTransaction(deps.pool, async (tx) => {
        const redemption = (await store.getRedemption(tx, id, { forUpdate: true }))!;
        const decision = checkDecision(redemption, 'reject');
        if (typeof decision !== 'string') throw Refused.from(decision);
        const decided: RedemptionRecord = {
          ...redemption,
          status: 'rejected',
          decidedBy: callerText(caller),
          decidedAt: deps.now(),
          rejectionReason: request.reason.trim(),
        };
        await store.decideRedemption(tx, decided);
        return decided;
      });
      return redemptionToProto(rejected);
    },

    async listRedemptions(request, call) {
      const caller = callerOf(call);
      const organizationId = optionalUuid(request.organizationId, 'organization_id');
      const currencyId = optionalUuid(request.currencyId, 'currency_id');
      if (!organizationId === !currencyId) throw invalid('organization_id', 'name an organization or a currency', 'filter_required');
      if (organizationId) await requireOrganization(deps, caller, organizationId, 'collect');
      if (currencyId) {
        const currency = await store.getCurrency(deps.pool, currencyId);
        if (!currency) throw notFound('currency', currencyId);
        await requireTreasury(deps, caller, currency, 'currency.treasury.read');
      }
      const found = await store.listRedemptions(
        deps.pool,
        { organizationId, currencyId, status: redemptionStatusFromProto(request.status) },
        clampLimit(request.limit),
        request.cursor || undefined,
      );
      return { redemptions: found.items.map(redemptionToProto), nextCursor: found.nextCursor };
    },
  };
}
