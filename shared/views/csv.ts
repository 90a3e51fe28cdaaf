/**
 * RFC 4180 CSV: CRLF between records, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled inside. Text that a spreadsheet would run as a formula
 * (=, +, -, @ at the start) gets a leading apostrophe: a shipment id typed by a user
 * must never become a live formula on a coordinator's machine. Numbers pass as they are.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
