/**
 * Every row of every table of the service's database, in a stable order: two snapshots
 * are equal exactly when nothing was written in between ("a refused request changes
 * nothing", checked rather than assumed).
 */
import type { DataSource } from "typeorm";

/** TypeORM's own bookkeeping, not the service's data. */
const IGNORED = new Set(["migrations", "typeorm_metadata"]);

async function tableNames(ds: DataSource): Promise<string[]> {
  return (
    (await ds.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )) as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => !IGNORED.has(name));
}

export async function snapshotTables(ds: DataSource): Promise<Record<string, string[]>> {
  const tables = await tableNames(ds);
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    const rows = (await ds.query(`SELECT * FROM "${name}"`)) as unknown[];
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The tables whose rows differ, with a count of rows added and removed in each. */
export function tableChanges(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
): Record<string, { added: number; removed: number }> {
  const changes: Record<string, { added: number; removed: number }> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[name] ?? []);
    const b = new Set(after[name] ?? []);
    const added = [...b].filter((r) => !a.has(r)).length;
    const removed = [...a].filter((r) => !b.has(r)).length;
    if (added > 0 || removed > 0) changes[name] = { added, removed };
  }
  return changes;
}

/**
 * A digest of every table, computed by the database: cheap enough to take after every
 * request of a fuzz run. Equal digests, equal rows.
 */
export async function fingerprintTables(ds: DataSource): Promise<Record<string, string>> {
  const tables = await tableNames(ds);
  const select = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    )
    .join(" UNION ALL ");
  const rows = (await ds.query(select)) as { name: string; digest: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((t) => before[t] !== after[t])
    .sort();
}
