/**
 * The world a late shipment joins: what is planned right now, as one Scenario and one
 * Plan the core's late-shipment functions (shared/core/late/) take and the checker can
 * verify. Its ids are the stored ones (`v3-CNT-001`), so an answer names containers as
 * the API does.
 *
 * - Containers: every current container on the late shipment's island (trucks do not
 *   cross the sea, so no other could take it) whose truck has not left yet (depot
 *   departure at or after now), with the sea boxes they ride in. A box sails whole, so a
 *   box holding a container already on the road is out with all of its containers.
 * - Capacity: depots' fleets, sailings' places and boxes are the stored ones less what
 *   the containers out of the world use (as the scenario builder takes kept containers
 *   off), never less than what the world's own containers use.
 * - Reads: a few plain queries (no entity hydration: a week of 1,000 shipments is
 *   hundreds of containers), one after the other (they share the transaction's client).
 * - Shipments: those the world's containers carry (packages riding in containers out of
 *   the world are taken off, as the builder does) and the late one; packages of theirs in
 *   no container are `unassigned` with the reason stored on the shipment.
 * - Time: the horizon starts now, in the offset the last plan was written with (zoneless
 *   places read their clock in it), so no new trip leaves in the past.
 */
import { DateTime } from "luxon";
import type { EntityManager } from "typeorm";
import type { Plan, PlanBox, PlanCharge, PlanUnassigned } from "../../core/model/plan.js";
import { isUnassignedReason } from "../../core/model/plan.js";
import type { Scenario, Shipment } from "../../core/model/scenario.js";
import { summariseContainers } from "../../core/output/plan-summary.js";
import type { BoxEntity } from "./entities/box.entity.js";
import type { BoxTypeEntity } from "./entities/box-type.entity.js";
import type { ChargeEntity } from "./entities/charge.entity.js";
import type { ContainerEntity } from "./entities/container.entity.js";
import type { ContainerTypeEntity } from "./entities/container-type.entity.js";
import type { DepotEntity } from "./entities/depot.entity.js";
import type { PortEntity } from "./entities/port.entity.js";
import type { SailingEntity } from "./entities/sailing.entity.js";
import type { ShipmentEntity } from "./entities/shipment.entity.js";
import type { VillageEntity } from "./entities/village.entity.js";
import {
  boxTypeFromRow,
  type ContainerPlanColumns,
  containerFromRow,
  containerTypeFromRow,
  depotFromRow,
  portFromRow,
  sailingFromRow,
  shipmentFromRow,
  villageFromRow,
} from "./scenario.mapper.js";
import { PLANNING_DEFAULTS_KEY, type PlanningDefaults } from "./settings.repository.js";

export interface LateWorld {
  scenario: Scenario;
  plan: Plan;
  /** The world's containers as stored (status, history), by id. */
  rows: Map<string, Pick<ContainerEntity, "id" | "status">>;
  /** Stored box rows by id, with their containers in order. */
  boxes: Map<string, PlanBox>;
  /** Containers still `planned`: the only ones a late shipment may join. */
  eligible: string[];
}

const key = (...parts: string[]) => parts.join("\u0000");

/** `now` in the offset the last plan's horizon was written with (UTC without one). */
function horizonFrom(last: { start: string; end: string } | null, now: Date): { start: string; end: string } {
  const zone = last ? DateTime.fromISO(last.start, { setZone: true }).zone : "utc";
  const start = DateTime.fromJSDate(now).setZone(zone);
  const end = DateTime.max(
    start.plus({ days: 7 }),
    last ? DateTime.fromISO(last.end, { setZone: true }) : start,
  );
  return {
    start: start.toISO({ suppressMilliseconds: true }) ?? now.toISOString(),
    end: end.setZone(zone).toISO({ suppressMilliseconds: true }) ?? now.toISOString(),
  };
}

interface Reference {
  ports: PortEntity[];
  depots: DepotEntity[];
  sailings: SailingEntity[];
  containerTypes: ContainerTypeEntity[];
  boxTypes: BoxTypeEntity[];
  defaults: PlanningDefaults | null;
  horizon: { start: string; end: string } | null;
}

/** Every small table the world needs, in one round trip (each as a JSON array of its rows). */
async function referenceData(m: EntityManager): Promise<Reference> {
  const all = (table: string) => `(SELECT COALESCE(json_agg(t ORDER BY t."id"), '[]') FROM "${table}" t)`;
  const [row] = (await m.query(
    `SELECT ${all("port")} AS "ports", ${all("depot")} AS "depots", ${all("sailing")} AS "sailings",
            ${all("container_type")} AS "containerTypes", ${all("box_type")} AS "boxTypes",
            (SELECT "value" FROM "setting" WHERE "key" = $1) AS "defaults",
            (SELECT "scenario" -> 'horizon' FROM "planning_run" WHERE "state" = 'completed'
              ORDER BY "finishedAt" DESC NULLS LAST LIMIT 1) AS "horizon"`,
    [PLANNING_DEFAULTS_KEY],
  )) as Reference[];
  return row;
}

type ContainerRow = ContainerPlanColumns & Pick<ContainerEntity, "status">;

/**
 * `only`: the world of one container, for putting the shipment into it: that container
 * and the containers sharing its box (nothing else bears on the rules it must keep;
 * everything else is out, its capacity taken off). The plan version an assignment writes
 * is then that box, as a planning run's version is its own containers.
 */
export async function loadLateWorld(
  m: EntityManager,
  late: ShipmentEntity,
  now: Date,
  only?: string,
): Promise<LateWorld> {
  const nowMs = now.getTime();
  // current containers, and whether each ends on the late shipment's island
  const current = (await m.query(
    `WITH v AS (SELECT "island" FROM "village" WHERE "id" = $1)
     SELECT c."id", c."type", c."depot", c."port", c."sailing", c."departDepot", c."portArrival", c."distanceKm",
            c."cost", c."weightKg", c."volumeM3", c."stops", c."status",
            ((SELECT "island" FROM v) IS NULL OR p."island" IS NULL OR p."island" = (SELECT "island" FROM v)) AS "onIsland"
       FROM "container" c LEFT JOIN "port" p ON p."id" = c."port"
      WHERE c."current" AND c."status" <> 'superseded'
      ORDER BY c."departDepot", c."id"`,
    [late.village],
  )) as (ContainerRow & { onIsland: boolean })[];
  // current boxes with their containers in loading order
  const boxRows = (await m.query(
    `SELECT b."id", b."type", b."sailing", b."weightKg", b."freight",
            (SELECT json_agg(bc."containerId" ORDER BY bc."position") FROM "box_container" bc
              WHERE bc."boxId" = b."id") AS "members"
       FROM "box" b WHERE b."current" ORDER BY b."id"`,
  )) as (Pick<BoxEntity, "id" | "type" | "sailing" | "weightKg" | "freight"> & {
    members: string[] | null;
  })[];
  const members = boxRows.flatMap((b) =>
    (b.members ?? []).map((containerId) => ({ boxId: b.id, containerId })),
  );
  const currentIds = new Set(current.map((c) => c.id));
  const boxOf = new Map<string, string>();
  const inBox = new Map<string, string[]>();
  for (const bc of members) {
    if (!currentIds.has(bc.containerId)) continue; // superseded members no longer ride in it
    boxOf.set(bc.containerId, bc.boxId);
    inBox.set(bc.boxId, [...(inBox.get(bc.boxId) ?? []), bc.containerId]);
  }

  // Out of the world: other islands, trucks already on the road, and every container of a box holding one.
  const gone = new Set(
    current.filter((c) => !c.onIsland || Date.parse(c.departDepot) < nowMs).map((c) => c.id),
  );
  const goneBoxes = new Set<string>();
  for (const id of [...gone]) {
    const box = boxOf.get(id);
    if (box === undefined || goneBoxes.has(box)) continue;
    goneBoxes.add(box);
    for (const other of inBox.get(box) ?? []) gone.add(other);
  }
  if (only !== undefined) {
    const keep = new Set(boxOf.has(only) ? (inBox.get(boxOf.get(only) ?? "") ?? []) : [only]);
    for (const c of current) {
      if (keep.has(c.id)) continue;
      gone.add(c.id);
      const box = boxOf.get(c.id);
      if (box !== undefined) goneBoxes.add(box);
    }
  }
  const world = current.filter((c) => !gone.has(c.id));
  const out = current.filter((c) => gone.has(c.id));
  const worldIds = world.map((c) => c.id);

  // Loads, split in and out of the world, per shipment.
  const loadsIn = new Map<string, number>();
  const loadsOut = new Map<string, number>();
  for (const c of current) {
    const tally = gone.has(c.id) ? loadsOut : loadsIn;
    for (const stop of c.stops)
      for (const l of stop.load) tally.set(l.shipment, (tally.get(l.shipment) ?? 0) + l.packages);
  }
  const shipmentRows = (await m.query(`SELECT * FROM "shipment" WHERE "id" = ANY($1::text[]) ORDER BY "id"`, [
    [...new Set([...loadsIn.keys(), late.id])],
  ])) as ShipmentEntity[];
  const shipments: Shipment[] = [];
  const unassigned: PlanUnassigned[] = [];
  for (const row of shipmentRows) {
    const s = shipmentFromRow(row);
    const total = s.packages ?? 1;
    const inWorld = total - (loadsOut.get(s.id) ?? 0);
    if (inWorld < total) {
      // part of it rides in a container out of the world: this world holds the rest
      s.packages = inWorld;
      s.weightKg = (s.weightKg * inWorld) / total;
      if (s.volumeM3 !== undefined) s.volumeM3 = (s.volumeM3 * inWorld) / total;
    }
    shipments.push(s);
    const left = inWorld - (loadsIn.get(s.id) ?? 0);
    if (left > 0) {
      unassigned.push({
        shipment: s.id,
        packages: left,
        reason: isUnassignedReason(row.unassignedReason) ? row.unassignedReason : "NO_CONTAINER",
        detail:
          row.unassignedDetail ??
          (row.id === late.id ? "Registered after the plan was made." : "Not in a container of the plan."),
      });
    }
  }

  // the villages the world's trucks stop at, and the late shipment's
  const villageIds = new Set([late.village, ...world.flatMap((c) => c.stops.map((st) => st.village))]);
  const villages = (await m.query(`SELECT * FROM "village" WHERE "id" = ANY($1::text[]) ORDER BY "id"`, [
    [...villageIds],
  ])) as VillageEntity[];
  const { ports, depots, sailings, containerTypes, boxTypes, ...ref } = await referenceData(m);
  const defaults = ref.defaults ?? {};
  const horizon = horizonFrom(ref.horizon, now);

  // Capacity left: the stored capacity less what is out of the world, never below what the world uses.
  const count = <T>(list: readonly T[], keyOf: (x: T) => string | null) => {
    const n = new Map<string, number>();
    for (const x of list) {
      const k = keyOf(x);
      if (k !== null) n.set(k, (n.get(k) ?? 0) + 1);
    }
    return n;
  };
  const left = (capacity: number, outside: number, inside: number) => Math.max(inside, capacity - outside);
  const fleetOut = count(out, (c) => key(c.depot, c.type));
  const fleetIn = count(world, (c) => key(c.depot, c.type));
  const sailingOut = count(out, (c) => c.sailing);
  const sailingIn = count(world, (c) => c.sailing);
  const worldBoxes = boxRows.filter((b) => !goneBoxes.has(b.id) && (inBox.get(b.id)?.length ?? 0) > 0);
  const boxesOut = count(
    boxRows.filter((b) => goneBoxes.has(b.id)),
    (b) => b.sailing,
  );
  const boxesIn = count(worldBoxes, (b) => b.sailing);

  const referenced = new Set(world.map((c) => c.sailing).filter((s): s is string => s !== null));
  const scenario: Scenario = {
    id: `late-${late.id}`,
    ...defaults,
    horizon,
    containerTypes: containerTypes.map(containerTypeFromRow),
    depots: depots.map((row) => {
      const d = depotFromRow(row);
      if (!d.fleet) return d;
      const fleet = { ...d.fleet };
      for (const type of Object.keys(fleet))
        fleet[type] = left(
          fleet[type],
          fleetOut.get(key(d.id, type)) ?? 0,
          fleetIn.get(key(d.id, type)) ?? 0,
        );
      return { ...d, fleet };
    }),
    ports: ports.map(portFromRow),
    // sailings a new container could still make, and those the world's containers are on
    sailings: sailings
      .filter((s) => Date.parse(s.cutoff) >= nowMs || referenced.has(s.id))
      .map((row) => {
        const s = sailingFromRow(row);
        if (s.maxContainers !== undefined)
          s.maxContainers = left(s.maxContainers, sailingOut.get(s.id) ?? 0, sailingIn.get(s.id) ?? 0);
        if (s.maxBoxes !== undefined)
          s.maxBoxes = left(s.maxBoxes, boxesOut.get(s.id) ?? 0, boxesIn.get(s.id) ?? 0);
        return s;
      }),
    villages: villages.map(villageFromRow),
    shipments,
    ...(boxTypes.length > 0 ? { boxTypes: boxTypes.map(boxTypeFromRow) } : {}),
  };

  const containers = world.map(containerFromRow);
  const boxes: PlanBox[] = worldBoxes.map((b) => ({
    id: b.id,
    type: b.type,
    sailing: b.sailing,
    containers: inBox.get(b.id) ?? [],
    weightKg: b.weightKg,
    freight: b.freight,
  }));
  const chargeRows = (await m.query(
    `SELECT "shipmentId", "containerId", "packages", "truck", "freight" FROM "charge"
      WHERE "current" AND "containerId" = ANY($1::text[]) ORDER BY "id"`,
    [worldIds],
  )) as Pick<ChargeEntity, "shipmentId" | "containerId" | "packages" | "truck" | "freight">[];
  const charges: PlanCharge[] = chargeRows.map((ch) => ({
    shipment: ch.shipmentId,
    container: ch.containerId,
    packages: ch.packages,
    truck: ch.truck,
    freight: ch.freight,
  }));
  // The stored charges as they are, and the plain figures: no bound is worked out here (the
  // assignment works out the new plan's own, and the options need none).
  const plan: Plan = {
    containers,
    ...(scenario.boxTypes ? { boxes } : {}),
    charges,
    unassigned,
    summary: summariseContainers(scenario, containers, unassigned, 0, 0),
  };
  return {
    scenario,
    plan,
    rows: new Map(world.map((c) => [c.id, c])),
    boxes: new Map(boxes.map((b) => [b.id, b])),
    eligible: world.filter((c) => c.status === "planned").map((c) => c.id),
  };
}
