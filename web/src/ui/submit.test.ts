import { beforeAll, describe, expect, it } from '@jest/globals';
import { ApiError } from '../api';
import { invalid, submission, type Send } from './submit';

// The helper focuses the first field in error once drawn; there is no page here.
beforeAll(() => {
  (globalThis as { document?: unknown }).document = { querySelector: () => null };
});

/** A send that records the keys it was given and answers as told. */
function recorder(answers: (() => Promise<void>)[]) {
  const keys: string[] = [];
  const send: Send = async (key) => {
    keys.push(key);
    await (answers.shift() ?? (() => Promise.resolve()))();
  };
  return { keys, send };
}

const lost = () => Promise.reject(new ApiError({ status: 0, type: 'network', title: 'Network error' }));
const ok = () => Promise.resolve();

describe('a form sent with the submit helper', () => {
  it('sends a retry of the same draft with the same Idempotency-Key, and the next draft with a new one', async () => {
    const form = submission(() => {});
    const { keys, send } = recorder([lost, ok, ok]);
    expect(await form.run(send)).toBe(false);
    expect(await form.run(send)).toBe(true);
    expect(await form.run(send)).toBe(true);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends once when submitted again while the first is in flight, and is busy meanwhile', async () => {
    const drawn: boolean[] = [];
    const form = submission(() => drawn.push(form.busy));
    let answer: () => void = () => {};
    const { keys, send } = recorder([() => new Promise<void>((resolve) => (answer = resolve))]);
    const first = form.run(send);
    expect(await form.run(send)).toBe(false);
    expect(form.busy).toBe(true);
    answer();
    expect(await first).toBe(true);
    expect(keys).toHaveLength(1);
    expect(drawn).toEqual([true, false]);
  });

  it('puts the errors the gateway names next to their fields, and the others in the summary', async () => {
    const form = submission(() => {}, { fields: ['name'] });
    const refused = new ApiError({
      status: 400,
      title: 'Invalid request',
      fieldErrors: [
        { field: 'body.name', message: 'is required' },
        { field: 'header.if-match', message: 'is not a version' },
      ],
    });
    await form.run(() => Promise.reject(refused));
    expect(form.errorsOf('name')).toEqual(['is required']);
    expect(form.errors.unattached).toEqual([{ field: 'header.if-match', message: 'is not a version' }]);
    expect(form.problem).toBe(refused);
  });

  it('refuses a draft the browser finds wrong without a problem to show', async () => {
    const form = submission(() => {});
    expect(await form.run(() => Promise.reject(invalid({ minutes: ['Write a number of hours.'] })))).toBe(false);
    expect(form.errorsOf('minutes')).toEqual(['Write a number of hours.']);
    expect(form.problem).toBeNull();
  });

  it('says in its own words that someone changed the thing meanwhile (412), and may read it again', async () => {
    const failures: unknown[] = [];
    const form = submission(() => {}, {
      stale: { title: 'contracts.staleTitle', detail: 'contracts.stale' },
      onFailure: (error) => void failures.push(error),
    });
    const stale = new ApiError({ status: 412, title: 'Precondition Failed' });
    await form.run(() => Promise.reject(stale));
    expect(form.problem).toBeInstanceOf(ApiError);
    expect((form.problem as ApiError).title).not.toBe('Precondition Failed');
    expect(failures).toEqual([stale]);
  });

  it('takes a new key once told the key went with another request, and after a reset', async () => {
    const reused = () =>
      Promise.reject(
        new ApiError({
          status: 409,
          type: 'https://e21.eu/problems/idempotency_key_reused',
          title: 'Idempotency-Key used for another request',
        }),
      );
    const form = submission(() => {});
    const { keys, send } = recorder([reused, lost, lost]);
    await form.run(send);
    await form.run(send);
    form.reset();
    await form.run(send);
    expect(new Set(keys).size).toBe(3);
  });
});
