/**
 * The TypeORM data source: migrations run at start, never `synchronize`, so the schema
 * only ever changes through a reviewed migration file.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { startChangeFeed } from "./change-feed.js";
import { ENTITIES } from "./entities/index.js";
import { InitialSchema1767225600000 } from "./migrations/1767225600000-initial-schema.migration.js";
import { SeaBoxes1795971205023 } from "./migrations/1795971205023-sea-boxes.migration.js";
import { JobOwner1795971674110 } from "./migrations/1795971674110-job-owner.migration.js";
import { IdempotencyKey1795973264652 } from "./migrations/1795973264652-idempotency-key.migration.js";
import { RunBaseVersion1795973392627 } from "./migrations/1795973392627-run-base-version.migration.js";
import { RunSkipped1795975934645 } from "./migrations/1795975934645-run-skipped.migration.js";
import { AuditLog1795977823100 } from "./migrations/1795977823100-audit-log.migration.js";
import { ApiKeyExpiry1795977823131 } from "./migrations/1795977823131-api-key-expiry.migration.js";
import { ListIndexes1795980000000 } from "./migrations/1795980000000-list-indexes.migration.js";
import { ChangeFeed1795980000001 } from "./migrations/1795980000001-change-feed.migration.js";
import { ChangeFeedSailing1795980000002 } from "./migrations/1795980000002-change-feed-sailing.migration.js";
import { guardTransactions } from "./transaction-guard.js";

export const MIGRATIONS = [
  InitialSchema1767225600000,
  SeaBoxes1795971205023,
  JobOwner1795971674110,
  IdempotencyKey1795973264652,
  RunBaseVersion1795973392627,
  RunSkipped1795975934645,
  AuditLog1795977823100,
  ApiKeyExpiry1795977823131,
  ListIndexes1795980000000,
  ChangeFeed1795980000001,
  ChangeFeedSailing1795980000002,
];

export interface DataSourceOptions {
  url: string;
  /** Connections in the pool (PostgreSQL). */
  poolSize?: number;
  /**
   * The server is one session (embedded PGlite behind pglite-socket): keep exactly one
   * connection, open for good. pglite-socket runs every connection's messages on the
   * same PGlite session, so two connections interleave their Parse/Bind/Execute and
   * answer each other's queries; with one connection the pool queues the requests.
   */
  singleSession?: boolean;
}

export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({
    type: "postgres",
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
    poolSize: options.singleSession ? 1 : (options.poolSize ?? 10),
    // pg-pool closes idle connections after 10 s by default; the one session stays open.
    ...(options.singleSession ? { extra: { idleTimeoutMillis: 0 } } : {}),
  });
  guardTransactions(ds);
  await ds.initialize();
  // What changed, so keys and list totals are read again exactly when they may differ.
  const stopFeed = await startChangeFeed(ds, {
    url: options.url,
    singleSession: options.singleSession ?? false,
  });
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    await stopFeed();
    await destroy();
  };
  return ds;
}
