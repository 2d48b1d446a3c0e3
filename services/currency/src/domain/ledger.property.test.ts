// Property: whatever sequence of transfers, refusals and retries reaches the ledger's rules, debits
// equal credits, no balance but the issuance account's goes below zero, and all balances sum to zero.
import fc from 'fast-check';
import { isRefusal } from '@e21/kit';
import { hoursTransferId, paymentTransferId, redemptionTransferId } from './ids.js';
import { checkRetry, postTransfer, type LedgerAccount, type Posting, type TransferKind } from './ledger.js';
import { MAX_AMOUNT_MINOR } from './amounts.js';

type Op =
  | { op: 'hours'; entry: number; person: number; amount: bigint }
  | { op: 'pay'; from: number; to: number; amount: bigint; key: number }
  | { op: 'redeem'; merchant: number; amount: bigint; redemption: number };

const PEOPLE = 4;
const MERCHANTS = 2;

/** Amounts around the interesting edges: zero, negative, small, large, beyond the maximum. */
const amount = fc.oneof(
  fc.bigInt({ min: -5n, max: 0n }),
  fc.bigInt({ min: 1n, max: 2_000n }),
  fc.constant(MAX_AMOUNT_MINOR + 1n),
  fc.bigInt({ min: 1n, max: MAX_AMOUNT_MINOR }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  // Few entries and keys, so that redeliveries and retries (same id) are frequent.
  fc.record({ op: fc.constant('hours' as const), entry: fc.nat(10), person: fc.nat(PEOPLE - 1), amount }),
  fc.record({
    op: fc.constant('pay' as const),
    from: fc.nat(PEOPLE + MERCHANTS - 1),
    to: fc.nat(PEOPLE + MERCHANTS - 1),
    amount,
    key: fc.nat(6),
  }),
  fc.record({ op: fc.constant('redeem' as const), merchant: fc.nat(MERCHANTS - 1), amount, redemption: fc.nat(6) }),
);

/** A ledger kept in memory the way the store keeps it: transfers by id, their entries, the balances. */
class Ledger {
  readonly accounts: LedgerAccount[] = [{ id: 'issuance', currencyId: 'ecu', ownerKind: 'issuance', balanceMinor: 0n }];
  readonly transfers = new Map<string, { requestHash: string; posting: Posting }>();
  readonly entries: { transferId: string; accountId: string; amountMinor: bigint }[] = [];

  constructor() {
    for (let i = 0; i < PEOPLE; i++) this.accounts.push({ id: `person-${i}`, currencyId: 'ecu', ownerKind: 'person', balanceMinor: 0n });
    for (let i = 0; i < MERCHANTS; i++)
      this.accounts.push({ id: `merchant-${i}`, currencyId: 'ecu', ownerKind: 'organization', balanceMinor: 0n, verified: true });
  }

  account = (id: string) => this.accounts.find((a) => a.id === id)!;

  post(id: string, kind: TransferKind, debitId: string, creditId: string, amountMinor: bigint): 'posted' | 'replayed' | 'refused' {
    const requestHash = `${kind}:${debitId}:${creditId}:${amountMinor}`;
    const earlier = this.transfers.get(id);
    if (earlier) return checkRetry(earlier, requestHash) ? 'refused' : 'replayed';
    const posting = postTransfer(kind, this.account(debitId), this.account(creditId), amountMinor);
    if (isRefusal(posting)) return 'refused';
    for (const side of [posting.debit, posting.credit]) {
      this.account(side.accountId).balanceMinor = side.balanceAfterMinor;
      this.entries.push({ transferId: id, accountId: side.accountId, amountMinor: side.amountMinor });
    }
    this.transfers.set(id, { requestHash, posting });
    return 'posted';
  }

  apply(step: Op): 'posted' | 'replayed' | 'refused' {
    const accountAt = (index: number) => (index < PEOPLE ? `person-${index}` : `merchant-${index - PEOPLE}`);
    switch (step.op) {
      case 'hours':
        return this.post(hoursTransferId(`entry-${step.entry}`), 'hours', 'issuance', `person-${step.person}`, step.amount);
      case 'pay':
        return this.post(
          paymentTransferId(accountAt(step.from), `key-${step.key}`),
          'payment',
          accountAt(step.from),
          accountAt(step.to),
          step.amount,
        );
      case 'redeem':
        return this.post(
          redemptionTransferId(`redemption-${step.merchant}-${step.redemption}`),
          'redemption',
          `merchant-${step.merchant}`,
          'issuance',
          step.amount,
        );
    }
  }
}

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

function checkInvariants(ledger: Ledger): void {
  // The sum of all balances is zero at every moment: what is in circulation is what issuance lacks.
  expect(sum(ledger.accounts.map((a) => a.balanceMinor))).toBe(0n);
  // No overdraft outside the issuance account.
  for (const account of ledger.accounts) if (account.ownerKind !== 'issuance') expect(account.balanceMinor >= 0n).toBe(true);
  // Debits equal credits in every transfer, hence over the whole ledger.
  for (const [id] of ledger.transfers) {
    const own = ledger.entries.filter((e) => e.transferId === id);
    expect(own).toHaveLength(2);
    expect(sum(own.map((e) => e.amountMinor))).toBe(0n);
  }
  // Each balance is exactly the sum of the account's entries: nothing lost, nothing created.
  for (const account of ledger.accounts)
    expect(sum(ledger.entries.filter((e) => e.accountId === account.id).map((e) => e.amountMinor))).toBe(account.balanceMinor);
}

describe('the ledger under random transfers, refusals and retries', () => {
  it('keeps debits = credits, no negative balance outside issuance, and all balances summing to zero', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), (steps) => {
        const ledger = new Ledger();
        for (const step of steps) {
          const before = ledger.accounts.map((a) => a.balanceMinor);
          const outcome = ledger.apply(step);
          // A refusal or a retry changes nothing.
          if (outcome !== 'posted') expect(ledger.accounts.map((a) => a.balanceMinor)).toEqual(before);
          checkInvariants(ledger);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('posts a redelivered or retried transfer once, whatever the number of deliveries', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000n }), fc.integer({ min: 2, max: 10 }), (credit, deliveries) => {
        const ledger = new Ledger();
        const outcomes = Array.from({ length: deliveries }, () => ledger.apply({ op: 'hours', entry: 1, person: 0, amount: credit }));
        expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
        expect(ledger.account('person-0').balanceMinor).toBe(credit);
      }),
    );
  });
});
