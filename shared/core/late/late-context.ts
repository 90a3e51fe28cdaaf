/**
 * What the late-shipment functions read from a Scenario and a Plan, indexed once per call:
 * places by id, pickup windows per village (compiled lazily: a week of 1,000 shipments has
 * far more villages than one late shipment can touch), the product pairs that never share,
 * and which box each container rides in. The planner's own rules modules decide every rule,
 * so a late shipment is judged exactly as the planner would judge it.
 */
import { DateTime } from "luxon";
import { containerBoxItem } from "../boxes/plan-boxes.js";
import type { Plan, PlanBox, PlanContainer } from "../model/plan.js";
import type { ContainerType, Depot, Port, Sailing, Scenario, Shipment, Village } from "../model/scenario.js";
import { planningStart } from "../problem/compile.js";
import type { BoxItem } from "../rules/boxes.js";
import { neverTogetherPairs } from "../rules/products.js";
import { clockToMinutes, type DailyWindows, fixedOffset } from "../rules/time-windows.js";
import { placeZone } from "../rules/zones.js";

export interface LateContext {
  scenario: Scenario;
  plan: Plan;
  startMin: number;
  villages: Map<string, Village>;
  depots: Map<string, Depot>;
  ports: Map<string, Port>;
  sailings: Map<string, Sailing>;
  types: Map<string, ContainerType>;
  shipments: Map<string, Shipment>;
  /** container id -> the box it rides in */
  boxOf: Map<string, PlanBox>;
  containers: Map<string, PlanContainer>;
  /** A planned container as a box item (cached: boxes are read many times per call). */
  boxItem(containerId: string): BoxItem | null;
  windows(village: Village): DailyWindows;
  zoneOf(place: { timeZone?: string }): string;
  neverTogether(a: string, b: string): boolean;
}

const byId = <T extends { id: string }>(items: readonly T[] | undefined) =>
  new Map((items ?? []).map((x) => [x.id, x] as const));

export function lateContext(scenario: Scenario, plan: Plan): LateContext {
  const startMin = planningStart(scenario);
  const endMin = scenario.horizon ? Date.parse(scenario.horizon.end) / 60000 : startMin + 14 * 1440;
  const offsets = new Map<string, number | null>();
  const compiled = new Map<string, DailyWindows>();
  const pairs = new Set<string>();
  for (const [a, b] of neverTogetherPairs(scenario.rules?.neverTogether ?? [])) {
    pairs.add(`${a}\u0000${b}`);
    pairs.add(`${b}\u0000${a}`);
  }
  const boxOf = new Map<string, PlanBox>();
  for (const box of plan.boxes ?? []) for (const id of box.containers) boxOf.set(id, box);
  const zoneOf = (place: { timeZone?: string }) => placeZone(scenario, place.timeZone);
  const containers = new Map(plan.containers.map((c) => [c.id, c] as const));
  const shipments = byId(scenario.shipments);
  const items = new Map<string, BoxItem | null>();
  return {
    scenario,
    plan,
    startMin,
    villages: byId(scenario.villages),
    depots: byId(scenario.depots),
    ports: byId(scenario.ports),
    sailings: byId(scenario.sailings),
    types: byId(scenario.containerTypes),
    shipments,
    boxOf,
    containers,
    boxItem(id) {
      if (!items.has(id)) {
        const c = containers.get(id);
        items.set(id, c ? containerBoxItem(scenario, c, shipments) : null);
      }
      return items.get(id) ?? null;
    },
    zoneOf,
    // The same DailyWindows compileWindows builds, with one offset look-up per zone instead of per village.
    windows(village) {
      let w = compiled.get(village.id);
      if (!w) {
        const zone = zoneOf(village);
        if (!offsets.has(zone)) offsets.set(zone, fixedOffset(zone, startMin, endMin));
        const list =
          village.pickupWindows && village.pickupWindows.length > 0
            ? village.pickupWindows
                .map((x): [number, number] => [clockToMinutes(x.open), clockToMinutes(x.close)])
                .sort((a, b) => a[0] - b[0])
            : null;
        w = { windows: list, offsetMin: offsets.get(zone) ?? null, zone };
        compiled.set(village.id, w);
      }
      return w;
    },
    neverTogether: (a, b) => pairs.has(`${a}\u0000${b}`),
  };
}

/**
 * The pickup window holding `loadStartMin`, as the instants it opened and closes (-Infinity
 * and Infinity without windows): a stop already told that time may move within it, not out.
 */
export function windowAround(
  w: DailyWindows,
  loadStartMin: number,
  toleranceMin = 1,
): { from: number; to: number } {
  if (w.windows === null) return { from: Number.NEGATIVE_INFINITY, to: Infinity };
  const offset = w.offsetMin ?? DateTime.fromMillis(loadStartMin * 60000, { zone: w.zone }).offset;
  const local = loadStartMin + offset;
  const tod = local - Math.floor(local / 1440) * 1440;
  for (const [open, close] of w.windows) {
    if (tod >= open - toleranceMin && tod <= close + toleranceMin)
      return { from: loadStartMin - Math.max(0, tod - open), to: loadStartMin + Math.max(0, close - tod) };
  }
  return { from: loadStartMin, to: loadStartMin }; // written outside every window: it may not move
}

export const minutesOf = (iso: string) => Date.parse(iso) / 60000;

export const sameIsland = (a?: string, b?: string) => a === undefined || b === undefined || a === b;

/** Packages of each shipment already loaded somewhere in the plan. */
export function plannedPackages(plan: Plan, shipment: string): number {
  let n = 0;
  for (const c of plan.containers)
    for (const stop of c.stops) for (const l of stop.load) if (l.shipment === shipment) n += l.packages;
  return n;
}

/** Shipments loaded in a container, resolved from the scenario. */
export function containerShipments(ctx: LateContext, c: PlanContainer): Shipment[] {
  const out: Shipment[] = [];
  for (const stop of c.stops)
    for (const l of stop.load) {
      const sh = ctx.shipments.get(l.shipment);
      if (sh) out.push(sh);
    }
  return out;
}
