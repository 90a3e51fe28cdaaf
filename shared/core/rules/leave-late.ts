/**
 * When a trip leaves its depot. Spec rule 4 times every stop from the departure (each loads
 * at the first moment inside a window after arrival and readiness), so the departure is the
 * one free choice. The planner takes the latest one that still loads the last stop when the
 * earliest departure would: every earlier stop then loads as late as its windows allow before
 * the next, and no truck waits for days at a village with goods already loaded (README,
 * "Depot departure"). The port arrival, and so the sailing, stay as they were.
 */
import { type DailyWindows, latestInWindow } from "./time-windows.js";

export interface TimedStopRule {
  windows: DailyWindows;
  serviceMin: number;
  /** When it loads on the earliest timing, minutes since epoch. */
  loadStart: number;
  /** The latest it may load (a pickup time already promised: its window's end); none when absent. */
  latestLoad?: number;
}

/**
 * The windows as starts of a loading that also ends inside them: each closes `serviceMin`
 * earlier (a window shorter than that keeps only its opening). Walking back with these, a
 * stop with time to spare loads so that it is done when the village closes, not starting
 * at the closing time: loading may end after `close` (spec rule 4), but a BUMDes that keeps
 * 07:00-11:00 expects the truck gone by 11:00 where that costs nothing.
 */
function endingInside(w: DailyWindows, serviceMin: number): DailyWindows {
  if (w.windows === null || serviceMin <= 0) return w;
  return { ...w, windows: w.windows.map(([open, close]) => [open, Math.max(open, close - serviceMin)]) };
}

/**
 * The latest departure (minutes since epoch) from which the earliest timing loads the last
 * stop at its `loadStart`: walked back stop by stop, each loading as late as its windows
 * allow (done by the window's close where it fits, and starting no later than any
 * `latestLoad`) and still reaching the next in time. `legs[0]` is depot -> first stop,
 * `legs[i]` stop i-1 -> stop i. Null where a village's zone has no fixed offset (daylight saving:
 * latestInWindow cannot walk back there); the caller then leaves for the first stop's loading.
 */
export function latestDeparture(stops: readonly TimedStopRule[], legs: readonly number[]): number | null {
  if (stops.length === 0) return null;
  let next = stops[stops.length - 1].loadStart;
  for (let i = stops.length - 2; i >= 0; i--) {
    const s = stops[i];
    const latest = latestInWindow(endingInside(s.windows, s.serviceMin), next - legs[i + 1] - s.serviceMin);
    if (latest === null) return null;
    // Never earlier than the earliest timing (it already fits; a rounding must not undo it).
    next = Math.max(Math.min(latest, s.latestLoad ?? Infinity), s.loadStart);
  }
  return next - legs[0];
}

/**
 * When the truck leaves: the latest departure above, never before the planning start
 * (`startMin`, spec rule 4); where the walk back cannot be made, the departure that has the
 * first stop load when the earliest timing has it.
 */
export function departureTime(
  startMin: number,
  stops: readonly TimedStopRule[],
  legs: readonly number[],
): number {
  if (stops.length === 0) return startMin;
  return Math.max(startMin, latestDeparture(stops, legs) ?? stops[0].loadStart - legs[0]);
}
