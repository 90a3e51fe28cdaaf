/**
 * The zone a place's clock is read in. A place without `timeZone` keeps the UTC offset
 * of `horizon.start` (a coordinator who writes "+08:00" thinks in WITA), else UTC.
 */
import { DateTime, FixedOffsetZone } from "luxon";
import type { Scenario } from "../model/scenario.js";

export function defaultZoneName(scenario: Scenario): string {
  if (!scenario.horizon) return "UTC";
  const start = DateTime.fromISO(scenario.horizon.start, { setZone: true });
  return start.isValid ? FixedOffsetZone.instance(start.offset).name : "UTC";
}

export function placeZone(scenario: Scenario, timeZone: string | undefined): string {
  return timeZone ?? defaultZoneName(scenario);
}

/** Indonesia's three time zones by the names Indonesians use, per IANA zone. */
export const INDONESIAN_ZONE_NAMES: Readonly<Record<string, "WIB" | "WITA" | "WIT">> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** The IANA zones a name (WIB, WITA, WIT) covers; empty for any other name. */
export function zonesNamed(name: string): string[] {
  return Object.keys(INDONESIAN_ZONE_NAMES).filter((zone) => INDONESIAN_ZONE_NAMES[zone] === name);
}
