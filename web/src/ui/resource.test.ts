import { describe, expect, it } from '@jest/globals';
import { resource } from './resource';

/** A read whose answers the test releases in the order it chooses. */
function controlled<T>() {
  const pending: ((value: T) => void)[] = [];
  const read = () => new Promise<T>((resolve) => pending.push(resolve));
  return { read, answer: (index: number, value: T) => pending[index]!(value) };
}

describe('a resource', () => {
  it('keeps the answer to the read asked last, even when an earlier one answers after it', async () => {
    const { read, answer } = controlled<string>();
    let draws = 0;
    const week = resource(read, () => draws++);
    const first = week.reload();
    const second = week.reload();
    answer(1, 'this week');
    await second;
    answer(0, 'last week');
    await first;
    expect(week.data).toBe('this week');
    expect(draws).toBe(1);
  });

  it('leaves what it shows as it was when its page load was superseded', async () => {
    const { read, answer } = controlled<string>();
    const page = resource(read, () => {});
    page.set('shown');
    const aborted = new AbortController();
    const load = page.load(aborted.signal);
    aborted.abort();
    answer(0, 'late');
    await load;
    expect(page.data).toBe('shown');
  });

  it('keeps a failed read as a problem to show, not a thrown error', async () => {
    const failing = resource(
      () => Promise.reject(new Error('down')),
      () => {},
    );
    await failing.reload();
    expect(failing.state.status).toBe('failed');
    expect(failing.data).toBeUndefined();
  });
});
