/**
 * One page of a list and its total before paging. TypeORM's getManyAndCount counts with
 * COUNT(DISTINCT id), right when joins repeat rows but a hash of every id otherwise: 28 ms
 * for 20,000 shipments where COUNT(*) takes 5 ms. Lists of one table (no joins, or only
 * many-to-one ones, and scoping as EXISTS) count rows: the same number, far cheaper.
 */
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { type ReadSource, readKept, type WatchedTable } from "../../shared/infra/db/change-feed.js";
import type { AccessPolicy } from "./access-policy.js";

export interface PageOptions<T, V> {
  offset: number;
  limit: number;
  /** Every table the query reads: the page is kept until one of them changes. */
  tables: readonly WatchedTable[];
  /**
   * Names the query whole: the list, every filter and paging value, and `scopeKey` of the
   * reader's policy. Two queries with one key must return the same rows.
   */
  key: string;
  /** What is kept and answered for the rows (pure: no clock, no reader beyond the key's). */
  view: (rows: T[]) => V[];
}

/**
 * The page (through `view`) and its total are kept until one of `tables` changes
 * (shared/infra/db/change-feed.ts): a dashboard polling its first page, or many readers of
 * one list, read the database once per change instead of once per request (counting
 * 20,000 shipments alone was 4 ms of a page's 4.3 ms of database time). What is kept is
 * shared between requests: callers answer with it and never change it.
 */
export async function pageOf<T extends ObjectLiteral, V>(
  qb: SelectQueryBuilder<T>,
  o: PageOptions<T, V>,
): Promise<{ items: V[]; total: number }> {
  const counting = qb.clone().orderBy().select("COUNT(*)", "total");
  const paging = qb.offset(o.offset).limit(o.limit);
  const count = async () => Number((await counting.getRawOne<{ total: string | number }>())?.total ?? 0);
  const read = async () => o.view(await paging.getMany());
  // A query builder's runner is protected; it is set when the query runs inside a transaction.
  const source = { connection: qb.connection, queryRunner: (qb as unknown as ReadSource).queryRunner };
  const total = await readKept(source, `count:${o.key}`, o.tables, count);
  const items = await readKept(source, `page:${o.key}`, o.tables, read);
  return { items, total };
}

/** What a policy's SQL depends on: one key for every reader who sees the same rows. */
export function scopeKey(policy: AccessPolicy): string {
  if (policy.seesAll) return "all";
  const p = policy.principal;
  return JSON.stringify([p.role, [...p.villages].sort(), p.exporter]);
}
