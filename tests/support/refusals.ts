// What a refused call refused with, for tests that check the refusal a rule gives.
import { Refused } from '@e21/kit';

/** The refusal a call ended with; fails the test if it succeeded or failed otherwise. */
export async function refusalOf(promise: Promise<unknown>): Promise<Refused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
