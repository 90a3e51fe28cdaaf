/**
 * Pickup windows are local clock times that repeat every day in the village's own zone.
 * The search works in minutes since the Unix epoch (UTC); this module turns "the earliest
 * moment >= t inside a window" into arithmetic. Indonesian zones have no daylight saving,
 * so a zone's offset is read once with luxon; a zone whose offset changes inside the
 * planning period falls back to luxon on every call (correct, slower).
 */
import { DateTime } from "luxon";
import type { PickupWindow } from "../model/scenario.js";

const DAY = 1440;

export interface DailyWindows {
  /** [openMin, closeMin] within the local day, sorted, non-empty; absent = any time. */
  windows: [number, number][] | null;
  /** Fixed UTC offset in minutes, or null when it varies (then `zone` is used). */
  offsetMin: number | null;
  zone: string;
}

export function clockToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/**
 * @param offsetMin the zone's fixedOffset over the period when the caller already knows it
 *   (computing it takes a few dozen luxon calls: once per zone, not once per village)
 */
export function compileWindows(
  windows: PickupWindow[] | undefined,
  zone: string,
  fromMin: number,
  toMin: number,
  offsetMin: number | null = fixedOffset(zone, fromMin, toMin),
): DailyWindows {
  const list =
    windows && windows.length > 0
      ? windows
          .map((w): [number, number] => [clockToMinutes(w.open), clockToMinutes(w.close)])
          .sort((a, b) => a[0] - b[0])
      : null;
  return { windows: list, offsetMin, zone };
}

/** The zone's UTC offset if it is the same over [from - 2 days, to + 60 days], else null. */
export function fixedOffset(zone: string, fromMin: number, toMin: number): number | null {
  const start = Number.isFinite(fromMin) ? fromMin - 2 * DAY : 0;
  const end = Number.isFinite(toMin) ? toMin + 60 * DAY : start + 400 * DAY;
  const first = DateTime.fromMillis(start * 60000, { zone }).offset;
  for (let t = start; t <= end; t += DAY) {
    if (DateTime.fromMillis(t * 60000, { zone }).offset !== first) return null;
  }
  return first;
}

function offsetAt(w: DailyWindows, tMin: number): number {
  return w.offsetMin ?? DateTime.fromMillis(tMin * 60000, { zone: w.zone }).offset;
}

/** Earliest instant >= tMin whose local time lies inside a window (open <= t <= close). */
export function earliestInWindow(w: DailyWindows, tMin: number): number {
  if (w.windows === null) return tMin;
  const offset = offsetAt(w, tMin);
  const local = tMin + offset;
  const day = Math.floor(local / DAY);
  const tod = local - day * DAY;
  for (const [open, close] of w.windows) {
    if (tod <= close) return day * DAY + Math.max(tod, open) - offset;
  }
  return (day + 1) * DAY + w.windows[0][0] - offset;
}

/**
 * Latest instant <= tMin whose local time lies inside a window: the mirror of
 * earliestInWindow, so that earliestInWindow(t) <= x exactly when t <= latestInWindow(x)
 * (local-search's backward cut-off check). Needs a fixed offset (null means "ask the
 * caller to walk forward instead").
 */
export function latestInWindow(w: DailyWindows, tMin: number): number | null {
  if (w.windows === null) return tMin;
  if (w.offsetMin === null) return null;
  const offset = w.offsetMin;
  const local = tMin + offset;
  const day = Math.floor(local / DAY);
  const tod = local - day * DAY;
  // Windows are sorted by opening, not closing, and may overlap: take the best of all.
  let best = -1;
  let lastClose = -1;
  for (const [open, close] of w.windows) {
    if (tod >= open) best = Math.max(best, Math.min(tod, close));
    lastClose = Math.max(lastClose, close);
  }
  if (best >= 0) return day * DAY + best - offset;
  return (day - 1) * DAY + lastClose - offset;
}
