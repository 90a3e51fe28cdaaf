/**
 * Many rows in one statement: the rows travel as ONE json parameter and
 * `json_to_recordset` turns it back into typed rows inside PostgreSQL. A statement then
 * has a single parameter whatever the number of rows, so a national plan never comes
 * near PostgreSQL's 65,535-parameter limit (one `$n` per value would reach it at 3,640
 * containers of 18 columns). Measured against one typed array per column (`unnest`):
 * the same speed for plain columns, two to three times faster for rows carrying jsonb
 * (a container's stops), because each value is not escaped into an array literal.
 * Rows are still sent in chunks so no single message grows without bound.
 * Runs the same on PostgreSQL and PGlite.
 */
import type { EntityManager } from "typeorm";

/** A column's name and its PostgreSQL type. */
export interface BulkColumn {
  name: string;
  type: "text" | "integer" | "double precision" | "boolean" | "jsonb";
}

/** Rows per statement: large enough to amortise the round trip, small enough to keep messages modest. */
export const BULK_CHUNK_ROWS = 5000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function recordset(columns: BulkColumn[]): string {
  return `json_to_recordset($1::json) AS v(${columns.map((c) => `${quote(c.name)} ${c.type}`).join(", ")})`;
}

/** Rows as arrays in `columns` order, sent as JSON objects keyed by column name. */
function rowsJson(columns: BulkColumn[], rows: unknown[][]): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] ?? null]))));
}

/** INSERT INTO table (columns) SELECT columns FROM json_to_recordset(rows), chunked. */
export async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
): Promise<void> {
  const names = columns.map((c) => quote(c.name)).join(", ");
  for (let i = 0; i < rows.length; i += BULK_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + BULK_CHUNK_ROWS);
    await m.query(`INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM ${recordset(columns)}`, [
      rowsJson(columns, chunk),
    ]);
  }
}

/**
 * UPDATE table SET column = v.column ... FROM json_to_recordset(rows) AS v WHERE
 * table.key = v.key, chunked. `columns[0]` is the key; `extraSet` adds assignments that
 * are the same for every row (for example `"updatedAt" = now()`).
 */
export async function bulkUpdate(
  m: EntityManager,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  extraSet: string[] = [],
): Promise<void> {
  const [key, ...set] = columns;
  const assignments = [...set.map((c) => `${quote(c.name)} = v.${quote(c.name)}`), ...extraSet].join(", ");
  for (let i = 0; i < rows.length; i += BULK_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + BULK_CHUNK_ROWS);
    await m.query(
      `UPDATE ${quote(table)} AS t SET ${assignments} FROM ${recordset(columns)} WHERE t.${quote(key.name)} = v.${quote(key.name)}`,
      [rowsJson(columns, chunk)],
    );
  }
}
