/**
 * The schedule of each trip (rule 4), re-timed from the scenario: leave the depot at or
 * after horizon.start, arrival = previous departure + travel, loading inside a pickup
 * window and after every readyAt, departure = loading start + serviceMinutes, port
 * arrival = last departure + travel. Instants are compared with `toleranceMin` slack
 * because the plan writes them to the second. Loading need not start at the earliest
 * moment: a later start is still feasible, only less good.
 */
import type { PlanContainer } from "../model/plan.js";
import type { CheckContext } from "./check-context.js";
import type { Located } from "./check-travel.js";
import { insideWindows, readInstant, zoneOffsetAt } from "./local-time.js";

function fmtMin(min: number): string {
  return `${Math.round(min * 10) / 10} min`;
}

export function checkTime(ctx: CheckContext): void {
  for (const c of ctx.plan.containers) checkContainerTime(ctx, c);
}

function checkContainerTime(ctx: CheckContext, c: PlanContainer): void {
  const container = c.id;
  const tol = ctx.toleranceMin;
  const read = (what: string, text: string, zone: string | undefined) => {
    const t = readInstant(text);
    if (t === null) {
      ctx.add({
        rule: "BAD_INSTANT",
        message: `Container ${c.id}: ${what} "${text}" is not an ISO 8601 instant with an offset.`,
        container,
      });
      return null;
    }
    // BUMDes read pickups in their own local time: an instant is written with its place's offset.
    if (zone !== undefined && t.offsetMin !== zoneOffsetAt(t.min, zone)) {
      ctx.add({
        rule: "INSTANT_OFFSET",
        message: `Container ${c.id}: ${what} "${text}" is not written in ${zone} time.`,
        container,
      });
    }
    return t.min;
  };

  const depot = ctx.depots.get(c.depot);
  const port = ctx.ports.get(c.port);
  const departDepot = read("departDepot", c.departDepot, depot?.timeZone);
  if (departDepot !== null && ctx.scenario.horizon) {
    const start = readInstant(ctx.scenario.horizon.start);
    if (start !== null && departDepot < start.min - tol) {
      ctx.add({
        rule: "DEPART_BEFORE_HORIZON",
        message: `Container ${c.id} leaves ${c.depot} at ${c.departDepot}, before the planning week starts (${ctx.scenario.horizon.start}).`,
        container,
      });
    }
  }

  let prevPlace: Located | undefined = depot;
  let prevDeparture: number | null = departDepot;
  for (const [k, stop] of (c.stops ?? []).entries()) {
    const village = ctx.villages.get(stop.village);
    const at = `stop ${k + 1} (${stop.village})`;
    const arrival = read(`${at} arrival`, stop.arrival, village?.timeZone);
    const loadStart = read(`${at} loadStart`, stop.loadStart, village?.timeZone);
    const departure = read(`${at} departure`, stop.departure, village?.timeZone);
    if (prevPlace && village && prevDeparture !== null && arrival !== null) {
      const expected = prevDeparture + ctx.leg(prevPlace, village).minutes;
      if (!(Math.abs(arrival - expected) <= tol)) {
        ctx.add({
          rule: "ARRIVAL_TIME",
          message: `Container ${c.id} ${at}: arrival ${stop.arrival} is ${fmtMin(arrival - expected)} off the previous departure plus travel.`,
          container,
        });
      }
    }
    if (arrival !== null && loadStart !== null && loadStart < arrival - tol) {
      ctx.add({
        rule: "LOAD_BEFORE_ARRIVAL",
        message: `Container ${c.id} ${at}: loading starts ${stop.loadStart}, before the truck arrives (${stop.arrival}).`,
        container,
      });
    }
    if (village && loadStart !== null) {
      const zone = village.timeZone ?? ctx.fallbackZone;
      if (!insideWindows(loadStart, zone, village.pickupWindows, tol)) {
        const windows = (village.pickupWindows ?? []).map((w) => `${w.open}-${w.close}`).join(", ");
        ctx.add({
          rule: "OUTSIDE_WINDOW",
          message: `Container ${c.id} ${at}: loading starts ${stop.loadStart}, outside the village's pickup hours ${windows}.`,
          container,
        });
      }
    }
    if (loadStart !== null) {
      for (const line of stop.load ?? []) {
        const sh = ctx.shipments.get(line.shipment);
        const ready = sh?.readyAt !== undefined ? readInstant(sh.readyAt) : null;
        if (sh && ready !== null && loadStart < ready.min - tol) {
          ctx.add({
            rule: "BEFORE_READY",
            message: `Container ${c.id} ${at}: loads ${sh.id} at ${stop.loadStart}, before it is ready (${sh.readyAt}).`,
            container,
            shipment: sh.id,
          });
        }
      }
    }
    if (village && loadStart !== null && departure !== null) {
      const expected = loadStart + (village.serviceMinutes ?? 0);
      if (!(Math.abs(departure - expected) <= tol)) {
        ctx.add({
          rule: "DEPARTURE_TIME",
          message: `Container ${c.id} ${at}: departure ${stop.departure} should be loading start plus ${village.serviceMinutes ?? 0} min of service.`,
          container,
        });
      }
    }
    prevPlace = village;
    prevDeparture = departure;
  }

  const portArrival = read("portArrival", c.portArrival, port?.timeZone);
  if (prevPlace && port && prevDeparture !== null && portArrival !== null && (c.stops ?? []).length > 0) {
    const expected = prevDeparture + ctx.leg(prevPlace, port).minutes;
    if (!(Math.abs(portArrival - expected) <= tol)) {
      ctx.add({
        rule: "PORT_ARRIVAL_TIME",
        message: `Container ${c.id}: port arrival ${c.portArrival} is ${fmtMin(portArrival - expected)} off the last departure plus travel.`,
        container,
      });
    }
  }
}
