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

/** An instant as epoch minutes, with the offset it was written in; null when unreadable. */
export function readInstant(text: unknown): { min: number; offsetMin: number } | null {
  if (typeof text !== "string") return null;
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

/** Minutes since local midnight (fractional) of an epoch-minute instant in a zone. */
export function localMinuteOfDay(epochMin: number, zone: string | Zone): number {
  const dt = DateTime.fromMillis(Math.round(epochMin * 60000), { zone });
  return dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60000;
}

export function zoneOffsetAt(epochMin: number, zone: string | Zone): number {
  return DateTime.fromMillis(Math.round(epochMin * 60000), { zone }).offset;
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
