import { Refused } from '../errors.js';
import { isIsoDate } from '../calendar.js';
import { callerOf, idempotencyKeyOf, optionalUuid, requireMonth, requestHash, requireDate, requireEnum, requireUuid } from './input.js';

function codeOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return error instanceof Refused ? error.code : 'not a refusal';
  }
}

describe('gRPC input checks', () => {
  it('refuses a call without a caller as unauthenticated', () => {
    expect(codeOf(() => callerOf({} as never))).toBe('unauthenticated');
    expect(callerOf({ caller: { kind: 'system', service: 'x' } } as never)).toEqual({ kind: 'system', service: 'x' });
  });

  it('takes UUIDs in any case and gives them in lower case; refuses anything else', () => {
    expect(requireUuid('6F1C2B7E-4D3A-4E8F-9B0A-1C2D3E4F5A6B', 'id')).toBe('6f1c2b7e-4d3a-4e8f-9b0a-1c2d3e4f5a6b');
    expect(codeOf(() => requireUuid('6f1c2b7e', 'id'))).toBe('invalid_id');
    expect(optionalUuid('', 'id')).toBeUndefined();
    expect(codeOf(() => optionalUuid("' or 1=1", 'id'))).toBe('invalid_id');
  });

  it('takes real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(codeOf(() => requireDate('2026-13-01', 'date'))).toBe('invalid_date');
    expect(requireDate('2026-11-29', 'date')).toBe('2026-11-29');
    expect(requireMonth('2026-11', 'month')).toBe('2026-11');
    expect(codeOf(() => requireMonth('2026-13', 'month'))).toBe('invalid_month');
  });

  it('refuses an unknown enum value and a malformed idempotency key', () => {
    expect(codeOf(() => requireEnum(undefined, 'status', ['open']))).toBe('invalid_enum');
    expect(requireEnum('open', 'status', ['open'])).toBe('open');
    expect(idempotencyKeyOf('')).toBeUndefined();
    expect(idempotencyKeyOf('retry-1')).toBe('retry-1');
    expect(codeOf(() => idempotencyKeyOf('has space'))).toBe('invalid_idempotency_key');
    expect(codeOf(() => idempotencyKeyOf('x'.repeat(101)))).toBe('invalid_idempotency_key');
  });

  it('fingerprints a request by its content, bigints included', () => {
    expect(requestHash({ a: 1n })).toBe(requestHash({ a: 1n }));
    expect(requestHash({ a: 1n })).not.toBe(requestHash({ a: 2n }));
  });
});
