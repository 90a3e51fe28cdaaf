/**
 * Time a trip the way the planner does (search/route-eval.ts walkRoute, output/to-plan.ts
 * schedule): from the planning start, each stop loads at the first moment inside a pickup
 * window after arrival and after every readyAt loaded there, for its service time; the
 * truck leaves its depot as late as still lets the first loading start on time. Legs come
 * from the planner's own travel table, so the times agree with a freshly solved plan.
 */
import { buildTravelTable } from "../geometry/travel.js";
import type { PlanLoad } from "../model/plan.js";
import type { Depot, Port, Village } from "../model/scenario.js";
import { earliestInWindow } from "../rules/time-windows.js";
import type { LateContext } from "./late-context.js";

export interface DraftStop {
  village: Village;
  load: PlanLoad[];
  /** The latest readyAt of what is loaded here, minutes since epoch (-Infinity when none). */
  readyMin: number;
}

export interface TimedTrip {
  departDepot: number;
  stops: { arrival: number; loadStart: number; departure: number }[];
  portArrival: number;
  km: number;
}

export function timeTrip(ctx: LateContext, depot: Depot, stops: readonly DraftStop[], port: Port): TimedTrip {
  const places = [depot, ...stops.map((s) => s.village), port];
  const table = buildTravelTable(ctx.scenario, places);
  const n = table.size;
  let km = 0;
  let t = ctx.startMin;
  const timed: TimedTrip["stops"] = [];
  for (let i = 0; i < stops.length; i++) {
    const leg = i * n + (i + 1);
    km += table.km[leg];
    const arrival = t + table.minutes[leg];
    const loadStart = earliestInWindow(ctx.windows(stops[i].village), Math.max(arrival, stops[i].readyMin));
    t = loadStart + (stops[i].village.serviceMinutes ?? 0);
    timed.push({ arrival, loadStart, departure: t });
  }
  const last = stops.length;
  km += table.km[last * n + last + 1];
  const portArrival = t + table.minutes[last * n + last + 1];
  let departDepot = ctx.startMin;
  if (timed.length > 0) {
    const firstLeg = table.minutes[1];
    departDepot = Math.max(ctx.startMin, timed[0].loadStart - firstLeg);
    timed[0].arrival = departDepot + firstLeg;
  }
  return { departDepot, stops: timed, portArrival, km };
}
