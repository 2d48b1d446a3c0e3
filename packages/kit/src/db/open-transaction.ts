// Which async context holds an open database transaction: withTransaction marks its work, and remote
// calls (the gRPC client) refuse to run there, so that no transaction waits on the network.
import { AsyncLocalStorage } from 'node:async_hooks';

const open = new AsyncLocalStorage<{ inside: true }>();

/** Runs `work` marked as inside a database transaction, with everything it starts and awaits. */
export function markedAsTransaction<T>(work: () => Promise<T>): Promise<T> {
  return open.run({ inside: true }, work);
}

export const inTransaction = (): boolean => open.getStore() !== undefined;

/**
 * A programming error, not a refusal: slow I/O (`what`) asked while a transaction is open in the
 * same async context. Gather remote facts before the transaction, then write in one short one.
 */
export function refuseInTransaction(what: string): void {
  if (inTransaction()) {
    throw new Error(
      `${what} was called inside a database transaction: ask other services before withTransaction ` +
        "(or in an event handler's prepare), then write in one short transaction",
    );
  }
}
