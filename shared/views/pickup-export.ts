/** Pickup schedules in the forms people use: formatted rows, an .ics calendar, a .csv table. */
import { type CsvCell, toCsv } from "./csv.js";
import { type CalendarEvent, toICalendar } from "./icalendar.js";
import { formatLocalDate, formatLocalDateTime, formatLocalTime, zoneLabel } from "./local-time.js";
import { type Lang, LOCALES } from "./locale.js";
import { formatKg, formatM3, formatNumber } from "./number-format.js";
import type { PickupLoad, PickupRow } from "./pickup-schedule.js";
import { translate } from "./translate.js";

export interface PickupView {
  village: string;
  villageName: string;
  container: string;
  containerType: string;
  port: string;
  loadStart: string;
  date: string;
  time: string;
  zone: string;
  when: string;
  loads: string[];
  weight: string;
  volume: string;
}

/** "S-01 · avocado · 12 koli · 450 kg" */
export function describeLoad(load: PickupLoad, lang: Lang): string {
  const parts = [load.shipment];
  if (load.product) parts.push(load.product);
  const one = new Intl.PluralRules(LOCALES[lang]).select(load.packages) === "one";
  parts.push(
    translate(lang, one ? "unit.package" : "unit.packages", { value: formatNumber(load.packages, lang, 0) }),
  );
  parts.push(formatKg(load.weightKg, lang));
  return parts.join(" · ");
}

export function formatPickup(row: PickupRow, lang: Lang): PickupView {
  return {
    village: row.village,
    villageName: row.villageName ?? row.village,
    container: row.container,
    containerType: row.containerType,
    port: row.portName ? `${row.portName} (${row.port})` : row.port,
    loadStart: row.loadStart,
    date: formatLocalDate(row.loadStart, row.timeZone, lang),
    time: formatLocalTime(row.loadStart, row.timeZone, lang),
    zone: zoneLabel(row.timeZone, row.loadStart),
    when: formatLocalDateTime(row.loadStart, row.timeZone, lang),
    loads: row.loads.map((load) => describeLoad(load, lang)),
    weight: formatKg(row.weightKg, lang),
    volume: formatM3(row.volumeM3, lang),
  };
}

export function pickupEvents(rows: PickupRow[], lang: Lang): CalendarEvent[] {
  return rows.map((row) => {
    const view = formatPickup(row, lang);
    const description = [
      translate(lang, "pickup.eventLocalTime", { time: view.when }),
      translate(lang, "pickup.eventContainer", {
        container: row.container,
        type: row.containerType,
        port: view.port,
      }),
      translate(lang, "pickup.eventLoads"),
      ...view.loads.map((line) => `- ${line}`),
    ].join("\n");
    return {
      // stable across downloads so a re-import updates the event instead of duplicating it
      uid: `${row.container}-${row.stop}-${row.village}@muatan`,
      start: row.loadStart,
      end: row.departure,
      summary: translate(lang, "pickup.eventSummary", {
        village: view.villageName,
        container: row.container,
      }),
      description,
      location: [row.villageName, row.bumdes].filter(Boolean).join(", ") || row.village,
      geo: row.lat !== undefined && row.lon !== undefined ? { lat: row.lat, lon: row.lon } : undefined,
    };
  });
}

export function pickupsToICalendar(
  rows: PickupRow[],
  lang: Lang,
  dtstamp: string,
  calendarFor: string,
): string {
  return toICalendar(pickupEvents(rows, lang), {
    dtstamp,
    name: translate(lang, "pickup.calendarName", { village: calendarFor }),
  });
}

/** One CSV line per load, so a spreadsheet can sum weights per exporter or product. */
export function pickupsToCsv(rows: PickupRow[], lang: Lang): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const header = [
    t("csv.date"),
    t("csv.time"),
    t("csv.zone"),
    t("csv.village"),
    t("csv.villageName"),
    t("csv.bumdes"),
    t("csv.container"),
    t("csv.containerType"),
    t("csv.stop"),
    t("csv.shipment"),
    t("csv.product"),
    t("csv.exporter"),
    t("csv.packages"),
    t("csv.weightKg"),
    t("csv.volumeM3"),
    t("csv.port"),
    t("csv.sailing"),
    t("csv.loadStart"),
  ];
  const lines: CsvCell[][] = [];
  for (const row of rows) {
    const view = formatPickup(row, lang);
    for (const load of row.loads) {
      lines.push([
        view.date,
        view.time,
        view.zone,
        row.village,
        row.villageName,
        row.bumdes,
        row.container,
        row.containerType,
        row.stop,
        load.shipment,
        load.product,
        load.exporter,
        load.packages,
        load.weightKg,
        load.volumeM3,
        row.port,
        row.sailing,
        row.loadStart,
      ]);
    }
  }
  return toCsv(header, lines);
}
