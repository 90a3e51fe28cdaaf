/**
 * A transaction must do all its reading and writing through its own EntityManager.
 * The embedded database (PGlite) is one session, so the service keeps ONE connection to
 * it: a query sent through the data source while a transaction holds that connection
 * would wait for the transaction, which waits for the query, forever. This guard turns
 * that mistake into an immediate error on every database, so the PostgreSQL tests catch
 * what would hang `npm start`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource } from "typeorm";

export class TransactionMisuseError extends Error {
  constructor(what: string) {
    super(
      `${what} while a transaction in the same request holds its connection; ` +
        "use the transaction's EntityManager (on the embedded database this would wait forever)",
    );
    this.name = "TransactionMisuseError";
  }
}

/** One per transaction: whether it already holds its connection. */
interface Held {
  holding: boolean;
}

const context = new AsyncLocalStorage<Held>();

interface ConnectionSource {
  obtainMasterConnection(): Promise<unknown>;
}

export function guardTransactions(ds: DataSource): void {
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    if (context.getStore()?.holding)
      return Promise.reject(new TransactionMisuseError("a nested transaction"));
    const held: Held = { holding: false };
    return context.run(held, async () => {
      try {
        return await transaction(...args);
      } finally {
        held.holding = false;
      }
    });
  }) as typeof manager.transaction;

  const driver = ds.driver as unknown as ConnectionSource;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const held = context.getStore();
    if (held?.holding) throw new TransactionMisuseError("a query outside the transaction");
    const connection = await obtain();
    // The first connection a transaction's context asks for is the transaction's own.
    if (held) held.holding = true;
    return connection;
  };
}
