import { Refused, grpcStatusOfKind, httpStatusOfKind, isRefusal, orThrow, refusal } from './errors.js';

describe('refusals', () => {
  it('maps every refusal kind to both a gRPC status and an HTTP status', () => {
    expect(Object.keys(grpcStatusOfKind).sort()).toEqual(Object.keys(httpStatusOfKind).sort());
  });

  it('orThrow returns a value and throws a refusal as Refused with its code', () => {
    expect(orThrow(42)).toBe(42);
    const value = refusal('stale', 'stale_version', 'version 2 is not current');
    expect(isRefusal(value)).toBe(true);
    expect(() => orThrow(value)).toThrow(Refused);
    try {
      orThrow(value);
    } catch (error) {
      expect((error as Refused).code).toBe('stale_version');
      expect((error as Refused).kind).toBe('stale');
    }
  });
});
