import { formatCaller, parseCaller, personCaller, systemCaller, type Caller } from './caller.js';

describe('callers', () => {
  it('survive formatting and parsing, for every kind', () => {
    const callers: Caller[] = [
      personCaller('3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c'),
      { kind: 'client', clientId: 'regional-dashboard' },
      systemCaller('contracts'),
      { kind: 'client', clientId: 'id:with:colons' },
    ];
    for (const caller of callers) expect(parseCaller(formatCaller(caller))).toEqual(caller);
  });

  it('format as "<kind>:<id>"', () => {
    expect(formatCaller(personCaller('p1'))).toBe('person:p1');
    expect(formatCaller({ kind: 'client', clientId: 'c1' })).toBe('client:c1');
    expect(formatCaller(systemCaller('gateway'))).toBe('system:gateway');
  });

  it('parse a malformed or absent string as no caller', () => {
    for (const text of [undefined, '', 'person', ':p1', 'person:', 'robot:r2', 'Person:p1', ' person:p1']) {
      expect(parseCaller(text)).toBeUndefined();
    }
  });
});
