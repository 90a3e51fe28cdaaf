/**
 * Handling classes and which may share a container (spec rule 2), in one place.
 * Indices are used in the search's hot loops; names at the edges.
 */
import { HANDLING_CLASSES, type Handling } from "../model/scenario.js";

export const CLASS_INDEX: Record<Handling, number> = Object.fromEntries(
  HANDLING_CLASSES.map((h, i) => [h, i]),
) as Record<Handling, number>;

/** Classes that need a refrigerated container and ride only with their own class. */
export const REEFER_CLASSES: ReadonlySet<Handling> = new Set<Handling>(["chilled", "frozen", "live"]);
/** Food: never in one container with `dangerous` goods (essential oils are flammable). */
export const FOOD_CLASSES: ReadonlySet<Handling> = new Set<Handling>(["dry", "chilled", "frozen", "live"]);

export function needsReefer(h: Handling): boolean {
  return REEFER_CLASSES.has(h);
}

export function classesMayShare(a: Handling, b: Handling): boolean {
  if (a === b) return true;
  if (REEFER_CLASSES.has(a) || REEFER_CLASSES.has(b)) return false; // each its own temperature
  if ((a === "dangerous" && FOOD_CLASSES.has(b)) || (b === "dangerous" && FOOD_CLASSES.has(a))) return false;
  return true; // dry, general mix; dangerous with general
}

/** incompatibleMask[c] has bit d set when class c may not share with class d. */
export const INCOMPATIBLE_MASK: readonly number[] = HANDLING_CLASSES.map((a) =>
  HANDLING_CLASSES.reduce((mask, b, j) => (classesMayShare(a, b) ? mask : mask | (1 << j)), 0),
);
