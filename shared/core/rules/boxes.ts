/**
 * Sea boxes (spec rule 8), the planner's side, in one place: what a village container's
 * load means for the box it rides in, which box types may take it, and which containers
 * may share a box. The independent checker reads rule 8 from the spec on its own.
 *
 * One decision the spec leaves open: an ambient container (dry, general, dangerous) never
 * shares a box with a container of a reefer class. Rule 2 keeps ambient goods out of a
 * reefer container that holds a reefer class; the planner keeps the same rule one level
 * up, so dry coffee never rides in a box cooled for avocados. An ambient container may
 * still ride in a reefer box that holds no reefer class (when that box type is cheaper or
 * the only one).
 */
import type { BoxType, ContainerType, Handling, Scenario } from "../model/scenario.js";
import { FOOD_CLASSES, REEFER_CLASSES } from "./handling.js";

/** The temperature a box keeps: a reefer class, or none. */
export type BoxTemperature = "ambient" | "chilled" | "frozen" | "live";
/** Dangerous goods never share a box with food; general goods go with either. */
export type DangerSide = "dangerous" | "food" | "neutral";

/** A village container as the box packer sees it. */
export interface BoxItem {
  /** The caller's handle (container id, route index). */
  key: string;
  slots: number;
  /** Its load plus its tare. */
  weightKg: number;
  /** Its load alone (what is served if it rides). */
  loadKg: number;
  temperature: BoxTemperature;
  danger: DangerSide;
  /** The one destination its shipments name, or null when none names one. */
  destination: string | null;
  /** Its shipments name two or more destinations: no box may take it (a box is opened at one place). */
  mixedDestinations: boolean;
}

/** Boxes are planned only when the scenario lists box types. */
export function boxesActive(scenario: Scenario): boolean {
  return (scenario.boxTypes?.length ?? 0) > 0;
}

export function boxSlotsOf(type: ContainerType): number {
  return type.boxSlots ?? 1;
}

export function tareOf(type: ContainerType): number {
  return type.tareKg ?? 0;
}

/** What a load of these classes and destinations means for boxing. */
export function loadProfile(
  handlings: Iterable<Handling>,
  destinations: Iterable<string | undefined>,
): Pick<BoxItem, "temperature" | "danger" | "destination" | "mixedDestinations"> {
  let temperature: BoxTemperature = "ambient";
  let dangerous = false;
  let food = false;
  for (const h of handlings) {
    if (REEFER_CLASSES.has(h)) temperature = h as BoxTemperature;
    if (h === "dangerous") dangerous = true;
    if (FOOD_CLASSES.has(h)) food = true;
  }
  let destination: string | null = null;
  let mixedDestinations = false;
  for (const d of destinations) {
    if (d === undefined) continue;
    if (destination === null) destination = d;
    else if (d !== destination) mixedDestinations = true;
  }
  // A container holding both dangerous goods and food breaks rule 2 already; treat it as dangerous.
  const danger: DangerSide = dangerous ? "dangerous" : food ? "food" : "neutral";
  return { temperature, danger, destination, mixedDestinations };
}

/** May a box of this type carry a container of this temperature at all? */
export function boxTypeServes(type: BoxType, temperature: BoxTemperature): boolean {
  return temperature === "ambient" || type.reefer === true;
}

/** Can one box of this type take this container on its own (slots, weight with tare, power)? */
export function boxTypeTakes(
  type: BoxType,
  item: Pick<BoxItem, "slots" | "weightKg" | "temperature">,
): boolean {
  return (
    boxTypeServes(type, item.temperature) &&
    item.slots <= type.slots &&
    item.weightKg <= type.maxWeightKg * (1 + 1e-9) + 1e-9
  );
}

/** The signature of what a box already holds: everything a new container must agree with. */
export interface BoxSignature {
  temperature: BoxTemperature;
  danger: DangerSide;
  destination: string | null;
}

/** May this container join a box holding `sig`? (capacity aside) */
export function mayShareBox(sig: BoxSignature, item: BoxItem): boolean {
  if (item.mixedDestinations) return false;
  if (sig.temperature !== item.temperature) return false;
  if (
    (sig.danger === "dangerous" && item.danger === "food") ||
    (sig.danger === "food" && item.danger === "dangerous")
  )
    return false;
  return sig.destination === null || item.destination === null || sig.destination === item.destination;
}

/** The signature after a container joins. */
export function joinSignature(sig: BoxSignature, item: BoxItem): BoxSignature {
  return {
    temperature: sig.temperature,
    danger: sig.danger === "neutral" ? item.danger : sig.danger,
    destination: sig.destination ?? item.destination,
  };
}
