/**
 * Which tables changed since a value was read, so a process may keep what it read (a
 * key's row, a list's total) exactly as long as it is still true, whoever wrote.
 *
 * Two sources, both bumping a per-table generation:
 *  - this process's own writes: every statement through the data source that may write
 *    (anything but SELECT, SHOW, BEGIN, SET...) bumps every table when it completes, a
 *    COMMIT included, so a reader here never sees its own write late;
 *  - everyone else's (other API processes, workers, psql): statement-level triggers on the
 *    watched tables send `NOTIFY muatan_changes, '<table>'` (migration change-feed), which
 *    PostgreSQL delivers after the commit to a connection of ours that LISTENs: a dedicated
 *    one on PostgreSQL, the single session itself on the embedded database.
 * While that connection is down the feed is not live and nothing is served from a cache
 * (reconnected: every generation moves on). A value is tagged with the generations seen
 * BEFORE it was read, so one read across a commit is never kept past that commit's notice.
 * Another process's commit is seen here when its notice arrives (on loopback, well under a
 * millisecond): a read in that gap is answered as it would have been just before the commit.
 */
import pg from "pg";
import type { DataSource, QueryRunner } from "typeorm";

export const CHANGES_CHANNEL = "muatan_changes";
/** Tables whose triggers notify (keep in step with the change-feed migrations). */
export const WATCHED_TABLES = ["api_key", "shipment", "container", "container_load", "sailing"] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];

/** Statements that never write: they leave the generations alone. */
const READ_ONLY = /^\s*(SELECT|SHOW|LISTEN|BEGIN|START\s+TRANSACTION|SET|RESET)\b/i;
const MAX_ENTRIES = 2000;
const RECONNECT_MS = 1000;

interface Entry {
  stamp: string;
  at: number;
  value: unknown;
}

export class ChangeFeed {
  private readonly generations = new Map<string, number>();
  /** Moves on every reconnection: values read before a gap in the notices are never served. */
  private epoch = 0;
  private listening = false;
  private readonly entries = new Map<string, Entry>();

  get live(): boolean {
    return this.listening;
  }

  /** The tables' generations now, or undefined while changes could go unnoticed. */
  stamp(tables: readonly WatchedTable[]): string | undefined {
    if (!this.listening) return undefined;
    return `${this.epoch}:${tables.map((t) => this.generations.get(t) ?? 0).join(",")}`;
  }

  /** A table changed (a notice), or any table may have (this process wrote; `undefined`). */
  changed(table?: string): void {
    if (table === undefined) {
      this.epoch++;
      return;
    }
    this.generations.set(table, (this.generations.get(table) ?? 0) + 1);
  }

  setListening(on: boolean): void {
    if (on !== this.listening) this.epoch++;
    this.listening = on;
  }

  /**
   * `load()`'s value, or the one kept under `key` if none of `tables` changed since it was
   * read (and it is younger than `maxAgeMs`). Nothing is kept while the feed is not live.
   */
  async readThrough<T>(
    key: string,
    tables: readonly WatchedTable[],
    load: () => Promise<T>,
    maxAgeMs = 60_000,
  ): Promise<T> {
    const stamp = this.stamp(tables);
    if (stamp === undefined) return load();
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && Date.now() - hit.at < maxAgeMs) return hit.value as T;
    const value = await load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.delete(key);
    this.entries.set(key, { stamp, at: Date.now(), value });
    return value;
  }
}

const feeds = new WeakMap<DataSource, ChangeFeed>();

/** The data source's feed; absent (nothing cached) when none was started for it. */
export const changeFeedOf = (ds: DataSource): ChangeFeed | undefined => feeds.get(ds);

/** `load()` through the data source's feed, or plainly when it has none. */
export function readThrough<T>(
  ds: DataSource,
  key: string,
  tables: readonly WatchedTable[],
  load: () => Promise<T>,
  maxAgeMs?: number,
): Promise<T> {
  const feed = feeds.get(ds);
  return feed ? feed.readThrough(key, tables, load, maxAgeMs) : load();
}

/** Where a read runs: the data source, and the transaction's runner when it runs inside one. */
export interface ReadSource {
  connection: DataSource;
  queryRunner?: QueryRunner;
}

/**
 * `readThrough` for reads that may run inside a transaction (an EntityManager, a query
 * builder): there they may see the transaction's own uncommitted writes, so they are never kept.
 */
export function readKept<T>(
  source: ReadSource,
  key: string,
  tables: readonly WatchedTable[],
  load: () => Promise<T>,
): Promise<T> {
  return source.queryRunner ? load() : readThrough(source.connection, key, tables, load);
}

/** Every statement of this data source that may write bumps the feed when it completes. */
function noticeOwnWrites(ds: DataSource, feed: ChangeFeed): void {
  const driver = ds.driver as unknown as { createQueryRunner(mode: string): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: string) => {
    const runner = create(mode);
    const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
    runner.query = (async (sql: string, ...rest: unknown[]) => {
      try {
        return await query(sql, ...rest);
      } finally {
        if (!READ_ONLY.test(sql)) feed.changed();
      }
    }) as QueryRunner["query"];
    return runner;
  };
}

type Notified = { channel: string; payload?: string };

/**
 * PostgreSQL: a connection of its own LISTENs, reconnecting after a second when it drops.
 * Its socket is unref'd: an idle feed never keeps a process alive.
 */
function listenDedicated(url: string, feed: ChangeFeed): () => Promise<void> {
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    const lost = () => {
      feed.setListening(false);
      if (client === c) client = undefined;
      c.end().catch(() => undefined);
      if (!closed && !timer) {
        timer = setTimeout(() => {
          timer = undefined;
          void connect();
        }, RECONNECT_MS);
        timer.unref();
      }
    };
    c.on("error", lost);
    c.on("end", lost);
    c.on("notification", (n: Notified) => {
      if (n.channel === CHANGES_CHANNEL) feed.changed(n.payload);
    });
    try {
      await c.connect();
      (c as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (!closed && client === c) feed.setListening(true);
    } catch {
      lost();
    }
  };
  void connect();
  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    feed.setListening(false);
    await client?.end().catch(() => undefined);
  };
}

interface PoolLike {
  connect(): Promise<pg.PoolClient>;
  on(event: "connect", listener: (client: pg.PoolClient) => void): void;
}

/**
 * The embedded database is one session that every connection shares, and it delivers a
 * notice to the connection whose COMMIT caused it: the pool's one connection LISTENs and
 * hears them. A new connection (the old one dropped) first LISTENs again.
 */
async function listenOnPool(ds: DataSource, feed: ChangeFeed): Promise<() => Promise<void>> {
  const pool = (ds.driver as unknown as { master: PoolLike }).master;
  const seen = new WeakSet<pg.PoolClient>();
  const attach = (client: pg.PoolClient) => {
    if (seen.has(client)) return;
    seen.add(client);
    feed.setListening(false);
    client.on("notification", (n: Notified) => {
      if (n.channel === CHANGES_CHANNEL) feed.changed(n.payload);
    });
    client.on("error", () => feed.setListening(false));
    client.on("end", () => feed.setListening(false));
    client.query(`LISTEN ${CHANGES_CHANNEL}`).then(
      () => feed.setListening(true),
      () => feed.setListening(false),
    );
  };
  pool.on("connect", attach);
  const client = await pool.connect();
  attach(client);
  client.release();
  return async () => feed.setListening(false);
}

/** Start the feed of an initialised data source; returns how to stop it (before `destroy`). */
export async function startChangeFeed(
  ds: DataSource,
  options: { url: string; singleSession: boolean },
): Promise<() => Promise<void>> {
  const feed = new ChangeFeed();
  noticeOwnWrites(ds, feed);
  feeds.set(ds, feed);
  return options.singleSession ? listenOnPool(ds, feed) : listenDedicated(options.url, feed);
}
