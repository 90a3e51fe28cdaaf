/**
 * Local clock rules, read with luxon. Pickup windows repeat every day in the village's
 * IANA zone. A place without `timeZone` reads its clock in the fixed UTC offset of
 * `horizon.start` (the coordinator wrote the week in the local time they think in),
 * and in UTC when there is no horizon.
 */
import { DateTime, FixedOffsetZone, type Zone } from "luxon";
import type { PickupWindow, Scenario } from "../model/scenario.js";

const DAY_MIN = 1440;

export function defaultZone(scenario: Scenario): Zone {
  if (!scenario.horizon) return FixedOffsetZone.utcInstance;
  const start = DateTime.fromISO(scenario.horizon.start, { setZone: true });
  return start.isValid ? FixedOffsetZone.instance(start.offset) : FixedOffsetZone.utcInstance;
}

/** `YYYY-MM-DDTHH:mm[:ss[.fff]](Z|+HH:MM)`: the shape every planner instant has. */
const PLAIN_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The common shape read by arithmetic (a plan holds ~100,000 instants); a real calendar
 * date only (30 February is refused by reading the date back). Anything else goes to luxon.
 */
function readPlainInstant(text: string): { min: number; offsetMin: number } | null | undefined {
  const m = PLAIN_INSTANT.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  if (h > 23 || mi > 59 || sec > 59) return undefined; // luxon decides the edge cases
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec) + (m[7] ? Math.floor(Number(m[7]) * 1000) : 0);
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (y < 100 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  const offsetMin = m[8] ? (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  if (Number(m[10]) > 59) return undefined;
  return { min: utc / 60000 - offsetMin, offsetMin };
}

/** An instant as epoch minutes, with the offset it was written in; null when unreadable. */
export function readInstant(text: unknown): { min: number; offsetMin: number } | null {
  if (typeof text !== "string") return null;
  const plain = readPlainInstant(text);
  if (plain !== undefined) return plain;
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid) return null;
  // Only instants that carry an offset are unambiguous (the spec's rule for every instant).
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  return { min: dt.toMillis() / 60000, offsetMin: dt.offset };
}

export function minutesOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

const HOUR_MS = 3_600_000;
/** IANA zone -> hour since the epoch -> its offset, or null when it changes within that hour. */
const hourOffsets = new Map<string, Map<number, number | null>>();

/** A zone's offset at an instant; read with luxon once per zone and hour, and exactly where it changes. */
function offsetAtMs(ms: number, zone: string | Zone): number {
  if (typeof zone !== "string") return zone.offset(ms);
  let hours = hourOffsets.get(zone);
  if (hours === undefined || hours.size > 100_000) {
    hours = new Map();
    hourOffsets.set(zone, hours);
  }
  const hour = Math.floor(ms / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = DateTime.fromMillis(hour * HOUR_MS, { zone }).offset;
    const last = DateTime.fromMillis((hour + 1) * HOUR_MS - 1, { zone }).offset;
    offset = first === last && Number.isInteger(first) ? first : null;
    hours.set(hour, offset);
  }
  return offset ?? DateTime.fromMillis(ms, { zone }).offset;
}

/** Minutes since local midnight (fractional) of an epoch-minute instant in a zone. */
export function localMinuteOfDay(epochMin: number, zone: string | Zone): number {
  const ms = Math.round(epochMin * 60000);
  const offset = offsetAtMs(ms, zone);
  if (!Number.isInteger(offset)) {
    const dt = DateTime.fromMillis(ms, { zone });
    return dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60000;
  }
  const local = ms / 60000 + offset;
  return local - Math.floor(local / DAY_MIN) * DAY_MIN;
}

export function zoneOffsetAt(epochMin: number, zone: string | Zone): number {
  return offsetAtMs(Math.round(epochMin * 60000), zone);
}

/**
 * open <= t <= close on some day, with `toleranceMin` slack. The time of day is also
 * tried one day either side so a window ending at 24:00 accepts local midnight.
 */
export function insideWindows(
  epochMin: number,
  zone: string | Zone,
  windows: PickupWindow[] | undefined,
  toleranceMin: number,
): boolean {
  if (!windows || windows.length === 0) return true;
  const tod = localMinuteOfDay(epochMin, zone);
  return windows.some((w) => {
    const open = minutesOfClock(w.open);
    const close = minutesOfClock(w.close);
    return [tod - DAY_MIN, tod, tod + DAY_MIN].some(
      (t) => t >= open - toleranceMin && t <= close + toleranceMin,
    );
  });
}
