/**
 * Time a trip the way the planner does (search/route-eval.ts walkRoute, output/to-plan.ts
 * schedule): from the planning start, each stop loads at the first moment inside a pickup
 * window after arrival and after every readyAt loaded there, for its service time; the
 * truck leaves its depot as late as still loads the last stop when it would
 * (rules/leave-late.ts). Legs come from the planner's own travel table, so the times agree
 * with a freshly solved plan.
 */
import { buildTravelTable } from "../geometry/travel.js";
import type { PlanLoad } from "../model/plan.js";
import type { Depot, Port, Village } from "../model/scenario.js";
import { departureTime } from "../rules/leave-late.js";
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

/**
 * @param latestLoad per stop, the latest it may load (a stop already told its pickup time
 *   stays in that window: its end), Infinity where nothing was promised
 */
export function timeTrip(
  ctx: LateContext,
  depot: Depot,
  stops: readonly DraftStop[],
  port: Port,
  latestLoad?: readonly number[],
): TimedTrip {
  const places = [depot, ...stops.map((s) => s.village), port];
  const table = buildTravelTable(ctx.scenario, places);
  const n = table.size;
  const walk = (leaveMin: number) => {
    let km = 0;
    let t = leaveMin;
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
    return { departDepot: leaveMin, stops: timed, portArrival: t + table.minutes[last * n + last + 1], km };
  };
  const earliest = walk(ctx.startMin);
  const departDepot = departureTime(
    ctx.startMin,
    stops.map((s, i) => ({
      windows: ctx.windows(s.village),
      serviceMin: s.village.serviceMinutes ?? 0,
      loadStart: earliest.stops[i].loadStart,
      latestLoad: latestLoad?.[i],
    })),
    stops.map((_, i) => table.minutes[i * n + (i + 1)]),
  );
  return departDepot === ctx.startMin ? earliest : walk(departDepot);
}
