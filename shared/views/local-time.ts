/**
 * Instants shown in the place's own clock. Indonesians name their zones WIB, WITA and
 * WIT; luxon (through Intl) prints "GMT+7" or "GMT+8" instead, so the label comes from
 * our own table, never from luxon.
 */
import { DateTime } from "luxon";
import { INDONESIAN_ZONE_NAMES } from "../core/rules/zones.js";
import { type Lang, LOCALES } from "./locale.js";

/**
 * The instant in the zone, or, when the place has no zone, in the offset the instant
 * was written with (the planner writes each instant with its place's offset).
 */
export function toLocal(instant: string, zone?: string): DateTime {
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new Error(`not an ISO 8601 instant: ${instant}`);
  if (!zone) return dt;
  const inZone = dt.setZone(zone);
  return inZone.isValid ? inZone : dt;
}

/** "WIB", "WITA", "WIT" for Indonesia's zones; otherwise the offset as "UTC+8". */
export function zoneLabel(zone: string | undefined, instant: string): string {
  if (zone && INDONESIAN_ZONE_NAMES[zone]) return INDONESIAN_ZONE_NAMES[zone];
  const dt = toLocal(instant, zone);
  return dt.offset === 0 ? "UTC" : `UTC${dt.toFormat("Z")}`;
}

function localized(instant: string, zone: string | undefined, lang: Lang): DateTime {
  return toLocal(instant, zone).setLocale(LOCALES[lang]);
}

/** "Sel, 29 Des 2026" / "Tue, 29 Dec 2026" */
export function formatLocalDate(instant: string, zone: string | undefined, lang: Lang): string {
  return localized(instant, zone, lang).toLocaleString({
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
}

/** "10.30" (id) / "10:30" (en): 24-hour clock, as on Indonesian timetables. */
export function formatLocalTime(instant: string, zone: string | undefined, lang: Lang): string {
  return localized(instant, zone, lang).toLocaleString({
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** "Sel, 29 Des 2026 10.30 WIT": date, time and the zone label together. */
export function formatLocalDateTime(instant: string, zone: string | undefined, lang: Lang): string {
  return `${formatLocalDate(instant, zone, lang)} ${formatLocalTime(instant, zone, lang)} ${zoneLabel(zone, instant)}`;
}

/** Whole minutes from one instant to another (negative when `to` is earlier). */
export function minutesBetween(from: string | number, to: string | number): number {
  const ms = (v: string | number) => (typeof v === "number" ? v : DateTime.fromISO(v).toMillis());
  return Math.floor((ms(to) - ms(from)) / 60000);
}
