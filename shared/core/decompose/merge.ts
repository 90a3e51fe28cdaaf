/**
 * One plan from the plans of a week's parts (see partition.ts), repaired across part
 * borders: what a part could not carry, and the loads of its least filled containers, are
 * planned again together with the neighbours' (a "repair" scenario holding only those
 * loads, with the fleet and sailing places the kept containers leave free). The repaired
 * containers replace the originals only when they serve more weight, or the same weight
 * for less. Nothing is lost or doubled: each package is either in a kept container, in the
 * repair scenario, or unassigned for a reason no other part could change. Sea boxes and
 * charges are made last, for the merged containers (output/finish-plan.ts).
 */
import { packPlanBoxes } from "../boxes/plan-boxes.js";
import type { Plan, PlanContainer, PlanLoad, PlanUnassigned, UnassignedReason } from "../model/plan.js";
import type { Scenario, Shipment } from "../model/scenario.js";
import { finishPlan } from "../output/finish-plan.js";
import { containerLowerBound, summariseContainers } from "../output/plan-summary.js";
import { boxesActive } from "../rules/boxes.js";

export interface PartPlan {
  id: string;
  plan: Plan;
}

export interface MergeOptions {
  seed?: number;
  /** Budget for the repair across part borders; 0 skips it. Default 0. */
  timeLimitMs?: number;
  /** Milliseconds clock (the caller's). */
  clock?: () => number;
  /** The clock's reading when the whole planning run began: solveMs is measured from it. */
  startedAt?: number;
  /** The clock time by which the merge must return (the run's promise). */
  deadline?: number;
  /** Bound the repair by ruin-and-recreate iterations instead of time (reproducible anywhere). */
  maxIterations?: number;
}

/** How the merge plans its repair scenario: solve() without another repair inside. */
export type RepairSolver = (
  scenario: Scenario,
  options: {
    seed: number;
    timeLimitMs: number;
    maxIterations?: number;
    clock?: () => number;
    deadline?: number;
  },
) => Plan;

/** Reasons about the shipment itself: no other part, fleet or sailing could change them. */
const FINAL_REASONS: ReadonlySet<UnassignedReason> = new Set(["TOO_LARGE", "INCOMPATIBLE"]);
/** Containers filled less than this (by weight and by volume) are planned again with their neighbours. */
const REPAIR_FILL = 0.75;
/** Most load lines a repair takes: the least filled containers first. */
const MAX_REPAIR_LINES = 4000;

export function mergePlans(
  scenario: Scenario,
  parts: readonly PartPlan[],
  options: MergeOptions = {},
  repairSolver?: RepairSolver,
): Plan {
  const clock = options.clock;
  const started = clock ? clock() : 0;
  // Ids made unique first: every part numbers its own containers from CNT-001.
  let containers = orderContainers(
    scenario,
    parts.flatMap((p) => p.plan.containers),
  );
  let unassigned = parts.flatMap((p) => p.plan.unassigned);
  // The repair runs only in the time the run has left (the parts may have run late on a loaded machine).
  const left =
    clock && options.deadline !== undefined ? options.deadline - clock() : Number.POSITIVE_INFINITY;
  const timeLimitMs = Math.min(options.timeLimitMs ?? 0, left);
  if (repairSolver && timeLimitMs > 0 && timeLimitMs >= 0.5 * (options.timeLimitMs ?? 0)) {
    const repaired = repairBorders(scenario, containers, unassigned, options, timeLimitMs, repairSolver);
    containers = orderContainers(scenario, repaired.containers);
    unassigned = repaired.unassigned;
  }
  const lines = mergeUnassigned(unassigned);
  const partsMs = parts.reduce((a, p) => a + p.plan.summary.solveMs, 0);
  const solveMs = clock
    ? Math.round(options.startedAt !== undefined ? clock() - options.startedAt : partsMs + clock() - started)
    : partsMs;
  // Boxes and charges are those of the final containers (a box may now hold containers of two parts).
  return finishPlan(scenario, {
    ...(scenario.id !== undefined ? { scenario: scenario.id } : {}),
    containers,
    charges: [],
    unassigned: lines,
    summary: summariseContainers(
      scenario,
      containers,
      lines,
      containerLowerBound(scenario, containers),
      solveMs,
    ),
  });
}

function repairBorders(
  s: Scenario,
  containers: PlanContainer[],
  unassigned: PlanUnassigned[],
  options: MergeOptions,
  timeLimitMs: number,
  solver: RepairSolver,
): { containers: PlanContainer[]; unassigned: PlanUnassigned[] } {
  const types = new Map(s.containerTypes.map((t) => [t.id, t]));
  const fill = (c: PlanContainer) => {
    const t = types.get(c.type)!;
    return Math.max(c.weightKg / t.maxWeightKg, c.volumeM3 / t.maxVolumeM3);
  };
  const retry = unassigned.filter((u) => !FINAL_REASONS.has(u.reason));
  const kept = unassigned.filter((u) => FINAL_REASONS.has(u.reason));
  const candidates = containers
    .map((c, i) => ({ c, i, fill: fill(c) }))
    .filter((x) => x.fill < REPAIR_FILL)
    .sort((a, b) => a.fill - b.fill || a.i - b.i);
  const moving = new Set<number>();
  let lines = retry.length;
  for (const x of candidates) {
    const n = x.c.stops.reduce((a, st) => a + st.load.length, 0);
    if (lines + n > MAX_REPAIR_LINES) break;
    moving.add(x.i);
    lines += n;
  }
  // Nothing to merge with: one light container alone cannot get fuller, and nothing waits.
  if (retry.length === 0 && moving.size < 2) return { containers, unassigned };

  const movers = containers.filter((_, i) => moving.has(i));
  const keepers = containers.filter((_, i) => !moving.has(i));
  const packages = new Map<string, number>();
  const add = (shipment: string, n: number) => packages.set(shipment, (packages.get(shipment) ?? 0) + n);
  for (const c of movers) for (const st of c.stops) for (const l of st.load) add(l.shipment, l.packages);
  for (const u of retry) add(u.shipment, u.packages);

  const repairScenario = repairScenarioOf(s, keepers, packages);
  const plan = solver(repairScenario, {
    seed: options.seed ?? 1,
    timeLimitMs,
    maxIterations: options.maxIterations,
    clock: options.clock,
    deadline: options.deadline,
  });
  const moversWeight = movers.reduce((a, c) => a + c.weightKg, 0);
  const moversCost = movers.reduce((a, c) => a + c.cost, 0);
  const repairedWeight = plan.containers.reduce((a, c) => a + c.weightKg, 0);
  const weightGain = repairedWeight - moversWeight;
  const better =
    weightGain > 1e-6 * Math.max(1, moversWeight) ||
    (Math.abs(weightGain) <= 1e-6 * Math.max(1, moversWeight) && plan.summary.cost < moversCost - 1e-6);
  if (!better) return { containers, unassigned };
  const shipments = new Map(s.shipments.map((sh) => [sh.id, sh]));
  return {
    containers: [...keepers, ...plan.containers.map((c) => exactLoads(c, shipments))],
    unassigned: [...kept, ...plan.unassigned],
  };
}

/**
 * The loads to plan again as a Scenario of their own: each shipment with only the packages
 * that move (same id, its part's weight and volume), every depot with the containers the
 * kept ones leave, every sailing with the places they leave.
 */
function repairScenarioOf(s: Scenario, keepers: PlanContainer[], packages: Map<string, number>): Scenario {
  const usedFleet = new Map<string, number>();
  const usedSailing = new Map<string, number>();
  const usedBoxes = new Map<string, number>();
  if (boxesActive(s))
    for (const box of packPlanBoxes(s, keepers).boxes)
      usedBoxes.set(box.sailing, (usedBoxes.get(box.sailing) ?? 0) + 1);
  for (const c of keepers) {
    const key = `${c.depot}\u0000${c.type}`;
    usedFleet.set(key, (usedFleet.get(key) ?? 0) + 1);
    if (c.sailing !== undefined) usedSailing.set(c.sailing, (usedSailing.get(c.sailing) ?? 0) + 1);
  }
  const shipments: Shipment[] = [];
  const villages = new Set<string>();
  for (const sh of s.shipments) {
    const n = packages.get(sh.id);
    if (n === undefined) continue;
    villages.add(sh.village);
    shipments.push(partOfShipment(sh, n));
  }
  return {
    ...s,
    id: `${s.id ?? "scenario"}#repair`,
    depots: s.depots.map((d) =>
      d.fleet === undefined
        ? d
        : {
            ...d,
            fleet: Object.fromEntries(
              Object.entries(d.fleet).map(([type, n]) => [
                type,
                Math.max(0, n - (usedFleet.get(`${d.id}\u0000${type}`) ?? 0)),
              ]),
            ),
          },
    ),
    ...(s.sailings !== undefined
      ? {
          sailings: s.sailings.map((sl) => ({
            ...sl,
            ...(sl.maxContainers !== undefined
              ? { maxContainers: Math.max(0, sl.maxContainers - (usedSailing.get(sl.id) ?? 0)) }
              : {}),
            ...(sl.maxBoxes !== undefined
              ? { maxBoxes: Math.max(0, sl.maxBoxes - (usedBoxes.get(sl.id) ?? 0)) }
              : {}),
          })),
        }
      : {}),
    villages: s.villages.filter((v) => villages.has(v.id)),
    shipments,
  };
}

/** `n` packages of a shipment as a shipment of its own (same id), weighing its part exactly. */
function partOfShipment(sh: Shipment, n: number): Shipment {
  const total = sh.packages ?? 1;
  if (n === total) return sh;
  return {
    ...sh,
    packages: n,
    weightKg: (sh.weightKg * n) / total,
    ...(sh.volumeM3 !== undefined ? { volumeM3: (sh.volumeM3 * n) / total } : {}),
  };
}

/** Load weights and volumes recomputed from the whole shipment, as the spec defines a part. */
function exactLoads(c: PlanContainer, shipments: Map<string, Shipment>): PlanContainer {
  let weightKg = 0;
  let volumeM3 = 0;
  const stops = c.stops.map((st) => ({
    ...st,
    load: st.load.map((l): PlanLoad => {
      const sh = shipments.get(l.shipment)!;
      const total = sh.packages ?? 1;
      const w = (sh.weightKg * l.packages) / total;
      const v = ((sh.volumeM3 ?? 0) * l.packages) / total;
      weightKg += w;
      volumeM3 += v;
      return { shipment: l.shipment, packages: l.packages, weightKg: w, volumeM3: v };
    }),
  }));
  return { ...c, stops, weightKg, volumeM3 };
}

/** Ids `CNT-001`... by depot (scenario order), then departure, as one search would number them. */
function orderContainers(s: Scenario, containers: PlanContainer[]): PlanContainer[] {
  const depotIndex = new Map(s.depots.map((d, i) => [d.id, i]));
  const sorted = containers
    .map((c, i) => ({ c, i, depot: depotIndex.get(c.depot) ?? -1, leaves: Date.parse(c.departDepot) }))
    .sort((a, b) => a.depot - b.depot || a.leaves - b.leaves || a.i - b.i);
  const width = Math.max(3, String(sorted.length).length);
  return sorted.map(({ c }, k) => ({ ...c, id: `CNT-${String(k + 1).padStart(width, "0")}` }));
}

/** One line per shipment and reason (a shipment split across parts of the repair comes back whole). */
function mergeUnassigned(list: PlanUnassigned[]): PlanUnassigned[] {
  const out: PlanUnassigned[] = [];
  const at = new Map<string, number>();
  for (const u of list) {
    const key = `${u.shipment}\u0000${u.reason}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push({ ...u });
    } else out[i].packages += u.packages;
  }
  return out;
}
