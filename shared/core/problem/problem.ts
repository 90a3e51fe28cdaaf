/**
 * The problem model the search works on: a Scenario compiled into dense indices.
 * Jobs are the pieces of shipments that travel as a unit (see split.ts); kinds are
 * (depot, container type) pairs a container can be drawn from; endpoints are
 * (port, sailing) pairs a trip can end at.
 */

import type { TravelTable } from "../geometry/travel.js";
import type { BoxType, Handling, Scenario } from "../model/scenario.js";
import type { DailyWindows } from "../rules/time-windows.js";

export interface Job {
  index: number;
  shipment: number; // index into scenario.shipments
  village: number; // index into problem.villages
  loc: number; // location index in the travel table
  packages: number;
  weightKg: number;
  volumeM3: number;
  handling: Handling;
  cls: number;
  product: number; // index into problem.products, -1 when none
  readyMin: number; // -Infinity when absent
  destination: number; // index into problem.boxes.destinations, -1 when none (or without boxes)
  /** Endpoints this job may end at (destination, sailBy, island): one bit per endpoint. */
  endpointMask: Uint32Array;
  /** kindOk[k] = 1 when a container of kind k may carry this job (reefer, island, size). */
  kindOk: Uint8Array;
}

export interface Kind {
  index: number;
  depot: number; // index into scenario.depots
  type: number; // index into scenario.containerTypes
  loc: number;
  maxWeightKg: number;
  maxVolumeM3: number;
  reefer: boolean;
  fixedCost: number;
  costPerKm: number;
  /** How many containers of this kind the depot may send (Infinity = unlimited). */
  limit: number;
  /** Endpoints on the depot's island. */
  endpointMask: Uint32Array;
}

/**
 * What a container's trip costs in the plan (rupiah): its fixed cost and its kilometres. The
 * plan's containers, their summary and every search figure shown to a person use this; the
 * search's own objective adds a fill bonus on top (route-eval.ts), which is not money.
 */
export function truckCost(kind: Pick<Kind, "fixedCost" | "costPerKm">, km: number): number {
  return kind.fixedCost + kind.costPerKm * km;
}

export interface Endpoint {
  index: number;
  port: number; // index into scenario.ports
  sailing: number; // index into scenario.sailings, -1 for a port without sailings
  loc: number;
  cutoffMin: number; // Infinity when the port has no sailings
  maxContainers: number; // Infinity when unlimited
}

/**
 * Sea boxes (rule 8), as the search needs them: which endpoints need no box, and per kind
 * and temperature (0 ambient, 1 a reefer class) the heaviest load a box can still take with
 * the container's tare, and the freight a container is expected to carry (its slots' share
 * of the box type cheapest per slot). The exact packing is done after the search.
 */
export interface BoxModel {
  types: BoxType[];
  /** Endpoints at ports without sailings: containers there ride in no box. */
  freeMask: Uint32Array;
  /** [kind * 2 + temperature]: heaviest load a fitting box type takes, -1 when none fits. */
  maxLoadKg: Float64Array;
  /** [kind * 2 + temperature]: expected freight per container on a sailing. */
  freightShare: Float64Array;
  destinations: string[];
}

export interface VillageInfo {
  index: number;
  loc: number;
  serviceMin: number;
  windows: DailyWindows;
}

export interface Problem {
  scenario: Scenario;
  objective: "cost" | "distance";
  startMin: number;
  travel: TravelTable;
  jobs: Job[];
  kinds: Kind[];
  endpoints: Endpoint[];
  villages: VillageInfo[];
  products: string[];
  /** productConflicts[p] = products that may not share a container with p. */
  productConflicts: number[][];
  /** Words per endpoint bitmask. */
  maskWords: number;
  /** True when no job has a time rule (windows, readyAt, cut-offs): time checks can be skipped. */
  untimed: boolean;
  /** True when every route ends at the same endpoint set regardless of jobs (e.g. CVRPLIB). */
  singleEndpoint: boolean;
  /** Sea boxes, when the scenario has boxTypes; null plans exactly as without them. */
  boxes: BoxModel | null;
}

export function maskHas(mask: Uint32Array, bit: number): boolean {
  return (mask[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

export function maskSet(mask: Uint32Array, bit: number): void {
  mask[bit >>> 5] |= 1 << (bit & 31);
}
