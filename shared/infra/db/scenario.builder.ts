/**
 * Build the Scenario a stateful planning run solves, from the database: the open
 * shipments of a region (island) or of the villages that can reach the given ports,
 * with ports, sailings, depots and fleets, and the sea box types. Containers already
 * confirmed or further are kept: their packages, their fleet slots, their sailing places
 * and the sea boxes they ride in are taken out, so the solver plans only the rest.
 *
 * A stored record the planner cannot use (kept from before write-time validation, or
 * made unusable by a later rule) does not block the run for everyone: it is left out
 * with why (`skipped`), by the same core rules the API checks writes with, and what
 * depended on it (a village's shipments, a port's sailings) is left out with it.
 */
import { type EntityManager, In } from "typeorm";
import { isCommitted } from "../../contracts/container-lifecycle.js";
import type { PlanRequest } from "../../contracts/resources.schemas.js";
import { isRealInstant } from "../../core/model/fields.js";
import type { Scenario, Shipment } from "../../core/model/scenario.js";
import { type FieldError, validateScenario } from "../../core/model/validate.js";
import { unprocessable } from "../errors.js";
import { BoxTypeEntity } from "./entities/box-type.entity.js";
import { ContainerEntity } from "./entities/container.entity.js";
import { ContainerLoadEntity } from "./entities/container-load.entity.js";
import { ContainerTypeEntity } from "./entities/container-type.entity.js";
import { DepotEntity } from "./entities/depot.entity.js";
import { PortEntity } from "./entities/port.entity.js";
import { SailingEntity } from "./entities/sailing.entity.js";
import { ShipmentEntity } from "./entities/shipment.entity.js";
import { VillageEntity } from "./entities/village.entity.js";
import {
  boxTypeFromRow,
  containerTypeFromRow,
  depotFromRow,
  portFromRow,
  sailingFromRow,
  shipmentFromRow,
  villageFromRow,
} from "./scenario.mapper.js";
import { getPlanningDefaults } from "./settings.repository.js";
import { type SkippedRecord, usableRecords, usableSettings } from "./usable-records.js";

export interface BuiltScenario {
  scenario: Scenario;
  /** Committed containers whose capacity the scenario already accounts for. */
  keptContainers: string[];
  /** Stored records left out because the planner cannot use them, each with why. */
  skipped: SkippedRecord[];
}

const PLANNABLE = ["open", "planned", "unassigned"] as const;

export async function buildScenario(
  m: EntityManager,
  request: PlanRequest,
  scenarioId: string,
): Promise<BuiltScenario> {
  const errors: FieldError[] = [];
  let ports: PortEntity[];
  if (request.ports) {
    ports = await m.findBy(PortEntity, { id: In(request.ports) });
    const known = new Set(ports.map((p) => p.id));
    request.ports.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `ports[${i}]`, message: `unknown port "${id}"` });
    });
    if (request.region) ports = ports.filter((p) => p.island === null || p.island === request.region);
  } else {
    ports = await m.findBy(PortEntity, { island: request.region });
    if (ports.length === 0) errors.push({ path: "region", message: `no port on island "${request.region}"` });
  }
  if (errors.length > 0) throw unprocessable(errors);

  // Trucks do not cross the sea: take the villages and depots on the ports' islands.
  const anyIsland = ports.some((p) => p.island === null);
  const islands = new Set(ports.map((p) => p.island).filter((i): i is string => i !== null));
  const onIslands = <T extends { island: string | null }>(rows: T[]) =>
    rows.filter((r) =>
      request.region ? r.island === request.region : anyIsland || r.island === null || islands.has(r.island),
    );

  const villages = onIslands(await m.find(VillageEntity, { order: { id: "ASC" } }));
  const depots = onIslands(await m.find(DepotEntity, { order: { id: "ASC" } }));
  const containerTypes = await m.find(ContainerTypeEntity, { order: { id: "ASC" } });
  const portIds = ports.map((p) => p.id);
  const horizonStart = Date.parse(request.horizon.start);
  const horizonEnd = Date.parse(request.horizon.end);
  // An instant that is not real is kept by these filters, to be listed as left out, not dropped unseen.
  const sailings = (
    await m.find(SailingEntity, { where: { port: In(portIds) }, order: { id: "ASC" } })
  ).filter((s) => !isRealInstant(s.cutoff) || Date.parse(s.cutoff) >= horizonStart);
  const villageIds = villages.map((v) => v.id);
  const shipmentRows = (
    await m.find(ShipmentEntity, {
      where: { village: In(villageIds), status: In([...PLANNABLE]) },
      order: { id: "ASC" },
    })
  ).filter((s) => s.readyAt === null || !isRealInstant(s.readyAt) || Date.parse(s.readyAt) <= horizonEnd);

  // Committed containers: still current, past "planned".
  const current = await m.find(ContainerEntity, { where: { current: true } });
  const committed = current.filter((c) => isCommitted(c.status));
  const committedIds = committed.map((c) => c.id);
  const committedLoads =
    committedIds.length > 0
      ? await m.find(ContainerLoadEntity, { where: { containerId: In(committedIds) } })
      : [];
  const packagesKept = new Map<string, number>();
  for (const l of committedLoads)
    packagesKept.set(l.shipmentId, (packagesKept.get(l.shipmentId) ?? 0) + l.packages);

  const shipments: Shipment[] = [];
  for (const row of shipmentRows) {
    const s = shipmentFromRow(row);
    const total = s.packages ?? 1;
    const left = total - (packagesKept.get(s.id) ?? 0);
    if (left <= 0) continue;
    if (left < total) {
      // Part of it already rides in a confirmed container: plan the remaining packages.
      s.packages = left;
      s.weightKg = (s.weightKg * left) / total;
      if (s.volumeM3 !== undefined) s.volumeM3 = (s.volumeM3 * left) / total;
    }
    shipments.push(s);
  }

  const depotList = depots.map(depotFromRow);
  for (const d of depotList) {
    if (!d.fleet) continue;
    const fleet = { ...d.fleet };
    for (const c of committed)
      if (c.depot === d.id && fleet[c.type] !== undefined) fleet[c.type] = Math.max(0, fleet[c.type] - 1);
    d.fleet = fleet;
  }
  const sailingList = sailings.map(sailingFromRow);
  for (const s of sailingList) {
    if (s.maxContainers === undefined) continue;
    const taken = committed.filter((c) => c.sailing === s.id).length;
    s.maxContainers = Math.max(0, s.maxContainers - taken);
  }

  // Sea boxes holding a committed container sail as they are: their places on the sailing are taken.
  const boxTypes = (await m.find(BoxTypeEntity, { order: { id: "ASC" } })).map(boxTypeFromRow);
  if (boxTypes.length > 0 && committedIds.length > 0) {
    const keptBoxes = (await m.query(
      `SELECT b."sailing", COUNT(DISTINCT b."id")::int AS "n" FROM "box" b
         JOIN "box_container" bc ON bc."boxId" = b."id"
        WHERE b."current" AND bc."containerId" = ANY($1::text[]) GROUP BY b."sailing"`,
      [committedIds],
    )) as { sailing: string; n: number }[];
    const taken = new Map(keptBoxes.map((r) => [r.sailing, Number(r.n)]));
    for (const s of sailingList)
      if (s.maxBoxes !== undefined) s.maxBoxes = Math.max(0, s.maxBoxes - (taken.get(s.id) ?? 0));
  }

  const settings = usableSettings(await getPlanningDefaults(m));
  const usable = usableRecords(settings.defaults, {
    containerTypes: containerTypes.map(containerTypeFromRow),
    boxTypes,
    depots: depotList,
    ports: ports.map(portFromRow),
    sailings: sailingList,
    villages: villages.map(villageFromRow),
    shipments,
  });
  const skipped = [...settings.skipped, ...usable.skipped];
  const scenario: Scenario = {
    id: scenarioId,
    ...settings.defaults,
    horizon: request.horizon,
    containerTypes: usable.containerTypes,
    depots: usable.depots,
    ports: usable.ports,
    sailings: usable.sailings,
    villages: usable.villages,
    shipments: usable.shipments,
    ...(usable.boxTypes.length > 0 ? { boxTypes: usable.boxTypes } : {}),
  };
  const unusable = (kind: string) => {
    const why = skipped.filter((r) => r.record === kind).slice(0, 3);
    return why.length > 0
      ? ` (left out: ${why.map((r) => `${r.id}: ${r.errors.map((e) => `${e.path} ${e.message}`).join(", ")}`).join("; ")})`
      : "";
  };
  if (scenario.ports.length === 0)
    errors.push({ path: "ports", message: `no usable port${unusable("port")}` });
  if (scenario.containerTypes.length === 0)
    errors.push({
      path: "containerTypes",
      message: `no usable container types are registered${unusable("container type")}`,
    });
  if (scenario.depots.length === 0)
    errors.push({ path: "depots", message: `no usable depot on the ports' island(s)${unusable("depot")}` });
  if (errors.length > 0) throw unprocessable(errors);
  const valid = validateScenario(scenario);
  if (!valid.ok)
    throw unprocessable(valid.errors.map((e) => ({ path: `(scenario).${e.path}`, message: e.message })));
  return { scenario: valid.scenario, keptContainers: committedIds, skipped };
}
