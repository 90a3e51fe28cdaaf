/**
 * Store a finished Plan in one transaction: a new version, its containers and loads,
 * the shipments' container and pickup time, and the run's completion. Containers still
 * "planned" that held the re-planned shipments are superseded; confirmed ones stay.
 * If the world moved while the solver ran (a container confirmed, a shipment cancelled),
 * nothing is written and the run fails with a conflict asking to plan again.
 */
import { type EntityManager, In } from "typeorm";
import type { Plan } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { PermanentJobError } from "../queue/planning-queue.js";
import { ContainerEntity, type ContainerEntity as ContainerRow } from "./entities/container.entity.js";
import { ContainerLoadEntity } from "./entities/container-load.entity.js";
import { PlanEntity } from "./entities/plan.entity.js";
import { PlanningRunEntity } from "./entities/planning-run.entity.js";
import { ShipmentEntity } from "./entities/shipment.entity.js";

export const containerRowId = (version: number, solverId: string) => `v${version}-${solverId}`;

export async function storePlan(m: EntityManager, runId: string, plan: Plan, now: Date): Promise<number> {
  const run = await m.findOne(PlanningRunEntity, {
    where: { id: runId },
    lock: { mode: "pessimistic_write" },
  });
  if (!run) throw new PermanentJobError(`planning run ${runId} does not exist`);
  if (run.state === "cancelled") throw new PermanentJobError("cancelled");
  if (run.planVersion !== null) return run.planVersion; // a retry after the commit: already stored
  const scenario = run.scenario as Scenario;
  const shipmentIds = scenario.shipments.map((s) => s.id);

  await m.query(`LOCK TABLE "plan" IN EXCLUSIVE MODE`);
  const [{ max }] = (await m.query(`SELECT COALESCE(MAX("version"), 0) AS max FROM "plan"`)) as {
    max: number;
  }[];
  const version = Number(max) + 1;

  const loadsOfScope =
    shipmentIds.length > 0
      ? await m.find(ContainerLoadEntity, { where: { shipmentId: In(shipmentIds) } })
      : [];
  const touched = [...new Set(loadsOfScope.map((l) => l.containerId))];
  const touchedRows =
    touched.length > 0 ? await m.find(ContainerEntity, { where: { id: In(touched), current: true } }) : [];
  const kept = new Set(run.keptContainers);
  const movedOn = touchedRows.filter((c) => c.status !== "planned" && !kept.has(c.id));
  if (movedOn.length > 0) {
    throw new PermanentJobError("conflict", [
      {
        path: "containers",
        message: `container(s) ${movedOn.map((c) => c.id).join(", ")} were confirmed while this run was planning; plan again`,
      },
    ]);
  }
  const rows = shipmentIds.length > 0 ? await m.find(ShipmentEntity, { where: { id: In(shipmentIds) } }) : [];
  const cancelled = rows.filter((s) => s.status === "cancelled").map((s) => s.id);
  if (cancelled.length > 0) {
    throw new PermanentJobError("conflict", [
      {
        path: "shipments",
        message: `shipment(s) ${cancelled.join(", ")} were cancelled while this run was planning; plan again`,
      },
    ]);
  }

  const superseded = touchedRows.filter((c) => c.status === "planned").map((c) => c.id);
  if (superseded.length > 0) {
    await m.update(ContainerEntity, { id: In(superseded) }, { current: false, status: "superseded" });
  }

  await m.insert(PlanEntity, { version, runId, plan });
  const types = new Map(scenario.containerTypes.map((t) => [t.id, t]));
  const event = { status: "planned" as const, at: now.toISOString(), by: "planner", role: "planner" };
  const pickup = new Map<string, { containerId: string; at: string }>();
  for (const c of plan.containers) {
    const id = containerRowId(version, c.id);
    const type = types.get(c.type);
    const row: Partial<ContainerRow> = {
      id,
      planVersion: version,
      type: c.type,
      depot: c.depot,
      port: c.port,
      sailing: c.sailing ?? null,
      departDepot: c.departDepot,
      portArrival: c.portArrival,
      distanceKm: c.distanceKm,
      cost: c.cost,
      weightKg: c.weightKg,
      volumeM3: c.volumeM3,
      maxWeightKg: type?.maxWeightKg ?? 0,
      maxVolumeM3: type?.maxVolumeM3 ?? 0,
      stops: c.stops,
      status: "planned",
      history: [event],
      current: true,
    };
    await m.insert(ContainerEntity, row);
    const loads = c.stops.flatMap((stop, stopIndex) =>
      stop.load.map((l) => ({
        containerId: id,
        stopIndex,
        shipmentId: l.shipment,
        village: stop.village,
        packages: l.packages,
        weightKg: l.weightKg,
        volumeM3: l.volumeM3,
      })),
    );
    if (loads.length > 0) await m.insert(ContainerLoadEntity, loads);
    for (const stop of c.stops) {
      for (const l of stop.load) {
        const seen = pickup.get(l.shipment);
        if (!seen || Date.parse(stop.loadStart) < Date.parse(seen.at))
          pickup.set(l.shipment, { containerId: id, at: stop.loadStart });
      }
    }
  }

  const unassigned = new Map(plan.unassigned.map((u) => [u.shipment, u]));
  const keptLoads =
    shipmentIds.length > 0 && kept.size > 0
      ? await m.find(ContainerLoadEntity, {
          where: { shipmentId: In(shipmentIds), containerId: In([...kept]) },
        })
      : [];
  const inKept = new Set(keptLoads.map((l) => l.shipmentId));
  for (const id of shipmentIds) {
    const p = pickup.get(id);
    const u = unassigned.get(id);
    if (p) {
      await m.update(
        ShipmentEntity,
        { id },
        {
          status: "planned",
          containerId: p.containerId,
          pickupAt: p.at,
          planVersion: version,
          // Split shipments may leave packages behind: say so on the shipment.
          unassignedReason: u?.reason ?? null,
          unassignedDetail: u ? `${u.packages} package(s) not planned: ${u.detail}` : null,
        },
      );
    } else if (inKept.has(id)) {
      await m.update(
        ShipmentEntity,
        { id },
        {
          planVersion: version,
          unassignedReason: u?.reason ?? null,
          unassignedDetail: u ? `${u.packages} package(s) not planned: ${u.detail}` : null,
        },
      );
    } else {
      await m.update(
        ShipmentEntity,
        { id },
        {
          status: u ? "unassigned" : "open",
          containerId: null,
          pickupAt: null,
          planVersion: version,
          unassignedReason: u?.reason ?? null,
          unassignedDetail: u?.detail ?? null,
        },
      );
    }
  }
  await m.update(
    PlanningRunEntity,
    { id: runId },
    {
      state: "completed",
      progress: 100,
      planVersion: version,
      errors: null,
      finishedAt: now,
    },
  );
  return version;
}
