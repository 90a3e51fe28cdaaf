/**
 * Statements: what moving their goods costs each BUMDes or exporter, from the plan's
 * charges (spec rule 9: each load line's share of its container's cost, `truck`, and of
 * its sea box's freight). Pure: the lines come in, rows and files go out.
 * The planner charges whole rupiah that add up exactly to each container's cost and
 * each box's freight, so rows summed from them add up exactly too.
 */
import { DateTime } from "luxon";
import { DAY_SHAPE } from "../core/model/real-instant.js";
import { type CsvCell, toCsv } from "./csv.js";
import { escapeHtml } from "./html-escape.js";
import { formatLocalDate, formatLocalDateTime } from "./local-time.js";
import type { Lang } from "./locale.js";
import { formatIdr, formatKg } from "./number-format.js";
import { printablePage } from "./printable-page.js";
import { type MessageKey, translate } from "./translate.js";

export const STATEMENT_BY = ["bumdes", "exporter"] as const;
export type StatementBy = (typeof STATEMENT_BY)[number];

/** One load line with its charges and what a statement groups and filters it by. */
export interface ChargeLine {
  shipment: string;
  container: string;
  village: string;
  villageName: string | null;
  /** The BUMDes named on the village; null when the village names none. */
  bumdes: string | null;
  exporter: string | null;
  product: string | null;
  packages: number;
  weightKg: number;
  truck: number;
  freight: number;
  /** When the truck loads it (the stop's loadStart), and the village's zone. */
  pickupAt: string;
  timeZone: string | null;
  /** The sea box it rides in, if any. */
  box: string | null;
}

export interface StatementRow {
  bumdes?: string | null;
  exporter?: string | null;
  /** The villages whose goods make up the row (a BUMDes may speak for several). */
  villages: string[];
  shipments: number;
  weightKg: number;
  truck: number;
  freight: number;
  total: number;
  /** Rupiah per kilogram, whole rupiah; 0 when nothing was weighed. */
  perKg: number;
}

export interface Statement {
  by: StatementBy;
  items: StatementRow[];
  totals: Omit<StatementRow, "bumdes" | "exporter" | "villages">;
}

/** The group a line belongs to; a null group (no BUMDes or exporter named) is a row of its own. */
export const groupOf = (line: ChargeLine, by: StatementBy): string | null =>
  by === "bumdes" ? line.bumdes : line.exporter;

const round1 = (kg: number) => Math.round(kg * 10) / 10;

export function statement(lines: readonly ChargeLine[], by: StatementBy): Statement {
  const groups = new Map<string | null, ChargeLine[]>();
  for (const line of lines) {
    const key = groupOf(line, by);
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, "id"),
  );
  const raw = keys.map((key) => {
    const ls = groups.get(key) ?? [];
    return {
      key,
      villages: [...new Set(ls.map((l) => l.village))].sort(),
      shipments: new Set(ls.map((l) => l.shipment)).size,
      weightKg: ls.reduce((a, l) => a + l.weightKg, 0),
      truck: ls.reduce((a, l) => a + l.truck, 0),
      freight: ls.reduce((a, l) => a + l.freight, 0),
    };
  });
  const items = raw.map((r): StatementRow => {
    const total = r.truck + r.freight;
    return {
      [by]: r.key,
      villages: r.villages,
      shipments: r.shipments,
      weightKg: round1(r.weightKg),
      truck: r.truck,
      freight: r.freight,
      total,
      perKg: r.weightKg > 0 ? Math.round(total / r.weightKg) : 0,
    };
  });
  const weightKg = lines.reduce((a, l) => a + l.weightKg, 0);
  const totalTruck = raw.reduce((a, r) => a + r.truck, 0);
  const totalFreight = raw.reduce((a, r) => a + r.freight, 0);
  return {
    by,
    items,
    totals: {
      shipments: new Set(lines.map((l) => l.shipment)).size,
      weightKg: round1(weightKg),
      truck: totalTruck,
      freight: totalFreight,
      total: totalTruck + totalFreight,
      perKg: weightKg > 0 ? Math.round((totalTruck + totalFreight) / weightKg) : 0,
    },
  };
}

/**
 * A statement's period: `from` and `to` are dates (YYYY-MM-DD, both days included, read
 * in each village's own clock: a BUMDes counts its pickups by its own calendar) or
 * instants with an offset. A line counts when its pickup falls inside.
 */
export interface Period {
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

/**
 * Whether a period ends before it starts, so it is refused rather than answered empty. Two
 * days compare as days and two instants as instants, whatever their offsets (a BUMDes in WIT
 * and an exporter in WIB write the same hour differently); a day against an instant only where
 * no village's clock could make them meet (a day starts at the earliest at 00:00+14:00 and
 * ends at the latest at 24:00-12:00).
 */
export function periodBackwards(from: string, to: string): boolean {
  const fromDay = DAY_SHAPE.test(from);
  const toDay = DAY_SHAPE.test(to);
  if (fromDay && toDay) return from > to;
  const start = fromDay ? Date.parse(`${from}T00:00:00+14:00`) : Date.parse(from);
  const end = toDay ? Date.parse(`${to}T00:00:00-12:00`) + DAY_MS : Date.parse(to);
  return end < start;
}

export function inPeriod(line: Pick<ChargeLine, "pickupAt" | "timeZone">, period: Period): boolean {
  const at = Date.parse(line.pickupAt);
  const bound = (value: string, end: boolean) => {
    if (!DAY_SHAPE.test(value)) return Date.parse(value);
    const day = DateTime.fromISO(value, { zone: line.timeZone ?? "Asia/Jakarta" });
    return (end ? day.endOf("day") : day.startOf("day")).toMillis();
  };
  if (period.from && at < bound(period.from, false)) return false;
  if (period.to && at > bound(period.to, true)) return false;
  return true;
}

const CSV_COLUMNS: [MessageKey, (r: StatementRow) => CsvCell][] = [
  ["csv.villages", (r) => r.villages.join(" ")],
  ["csv.shipments", (r) => r.shipments],
  ["csv.weightKg", (r) => r.weightKg],
  ["csv.truckIdr", (r) => r.truck],
  ["csv.freightIdr", (r) => r.freight],
  ["csv.totalIdr", (r) => r.total],
  ["csv.perKgIdr", (r) => r.perKg],
];

/** One line per row and a last line with the totals. */
export function statementCsv(s: Statement, lang: Lang): string {
  const header = [translate(lang, s.by === "bumdes" ? "csv.bumdes" : "csv.exporter")];
  const rows = s.items.map((r) => [r[s.by] ?? "", ...CSV_COLUMNS.map(([, get]) => get(r))]);
  const totals: CsvCell[] = [
    translate(lang, "statement.totals"),
    "",
    ...CSV_COLUMNS.slice(1).map(([, get]) => get({ ...s.totals, villages: [] })),
  ];
  return toCsv([...header, ...CSV_COLUMNS.map(([key]) => translate(lang, key))], [...rows, totals]);
}

/** The detailed lines of one BUMDes' statement, as CSV (one line per shipment part). */
export function statementLinesCsv(lines: readonly ChargeLine[], lang: Lang): string {
  const columns: [MessageKey, (l: ChargeLine) => CsvCell][] = [
    ["csv.bumdes", (l) => l.bumdes],
    ["csv.village", (l) => l.village],
    ["csv.villageName", (l) => l.villageName],
    ["csv.shipment", (l) => l.shipment],
    ["csv.product", (l) => l.product],
    ["csv.exporter", (l) => l.exporter],
    ["csv.container", (l) => l.container],
    ["csv.box", (l) => l.box],
    ["csv.packages", (l) => l.packages],
    ["csv.weightKg", (l) => round1(l.weightKg)],
    ["csv.truckIdr", (l) => l.truck],
    ["csv.freightIdr", (l) => l.freight],
    ["csv.totalIdr", (l) => l.truck + l.freight],
    ["csv.loadStart", (l) => l.pickupAt],
  ];
  return toCsv(
    columns.map(([key]) => translate(lang, key)),
    lines.map((l) => columns.map(([, get]) => get(l))),
  );
}

function periodText(period: Period, lang: Lang): string {
  const show = (v: string) => (DAY_SHAPE.test(v) ? formatLocalDate(`${v}T12:00:00Z`, "UTC", lang) : v);
  if (period.from && period.to)
    return translate(lang, "statement.periodBetween", { from: show(period.from), to: show(period.to) });
  if (period.from) return translate(lang, "statement.periodFrom", { from: show(period.from) });
  if (period.to) return translate(lang, "statement.periodTo", { to: show(period.to) });
  return translate(lang, "statement.periodAll");
}

/** One BUMDes' sheet: every shipment part with its share of the truck and of the box, then the totals. */
function bumdesSection(name: string | null, lines: readonly ChargeLine[], lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    escapeHtml(translate(lang, key, params));
  const sorted = [...lines].sort(
    (a, b) => Date.parse(a.pickupAt) - Date.parse(b.pickupAt) || a.shipment.localeCompare(b.shipment),
  );
  const rows = sorted
    .map((l) => {
      const total = l.truck + l.freight;
      return (
        `<tr><td>${escapeHtml(formatLocalDateTime(l.pickupAt, l.timeZone ?? undefined, lang))}</td><td>${escapeHtml(l.villageName ?? l.village)}</td>` +
        `<td>${escapeHtml(l.shipment)}</td><td>${escapeHtml(l.product ?? "")}</td><td>${escapeHtml(l.container)}</td><td>${escapeHtml(l.box ?? "")}</td>` +
        `<td class="n">${escapeHtml(formatKg(l.weightKg, lang))}</td><td class="n">${escapeHtml(formatIdr(l.truck, lang))}</td>` +
        `<td class="n">${escapeHtml(formatIdr(l.freight, lang))}</td><td class="n">${escapeHtml(formatIdr(total, lang))}</td>` +
        `<td class="n">${escapeHtml(formatIdr(l.weightKg > 0 ? Math.round(total / l.weightKg) : 0, lang))}</td></tr>`
      );
    })
    .join("\n");
  const sum = statement(lines, "bumdes").totals;
  return `<section class="sheet">
<h2>${escapeHtml(name ?? translate(lang, "statement.noBumdes"))}</h2>
<p>${t("statement.shipmentsWeight", { shipments: sum.shipments, weight: formatKg(sum.weightKg, lang) })}</p>
<table>
<thead><tr><th>${t("statement.pickup")}</th><th>${t("pickup.village")}</th><th>${t("shipment.id")}</th><th>${t("shipment.product")}</th><th>${t("container.id")}</th><th>${t("box.id")}</th><th>${t("shipment.weightKg")}</th><th>${t("statement.truck")}</th><th>${t("statement.freight")}</th><th>${t("statement.total")}</th><th>${t("statement.perKg")}</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="11">${t("common.none")}</td></tr>`}
</tbody>
<tfoot><tr><th colspan="6">${t("statement.totals")}</th><td class="n">${escapeHtml(formatKg(sum.weightKg, lang))}</td><td class="n">${escapeHtml(formatIdr(sum.truck, lang))}</td><td class="n">${escapeHtml(formatIdr(sum.freight, lang))}</td><td class="n"><b>${escapeHtml(formatIdr(sum.total, lang))}</b></td><td class="n">${escapeHtml(formatIdr(sum.perKg, lang))}</td></tr></tfoot>
</table>
<p class="note">${t("statement.how")}</p>
</section>`;
}

/** A standalone page (inline CSS, no script) with one printed sheet per BUMDes. */
export function statementHtml(lines: readonly ChargeLine[], period: Period, lang: Lang): string {
  const groups = new Map<string | null, ChargeLine[]>();
  for (const l of lines) groups.set(l.bumdes, [...(groups.get(l.bumdes) ?? []), l]);
  const names = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, "id"),
  );
  const title =
    names.length === 1
      ? translate(lang, "statement.titleOne", { bumdes: names[0] ?? translate(lang, "statement.noBumdes") })
      : translate(lang, "statement.title");
  const sections = names.map((n) => bumdesSection(n, groups.get(n) ?? [], lang)).join("\n");
  return printablePage({
    lang,
    title,
    sheet: "sheet",
    css: ".note{color:#444;font-size:.9em}",
    body: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(periodText(period, lang))}</p>
${sections || `<p>${escapeHtml(translate(lang, "common.none"))}</p>`}`,
  });
}
