/**
 * Store a late shipment put into a planned container as a new plan version, in the
 * caller's transaction (which holds the `plan` table lock it took before reading the
 * world). Like a planning run it gets a run row, so its Plan and Scenario are read at
 * /v1/plans/{id}/plan|scenario like any other; unlike one, only what changed is written:
 *
 * - the container: a new row `v<version>-<its plan id>` (the old row is superseded, its
 *   history carried over and the change recorded with the key that made it);
 * - the box it rides in: a new row with the same containers and the new weight;
 * - the charges of every container in that box (the box's freight is split again);
 * - the late shipment and the shipments of that container: their container and pickup.
 * Every other container, box and charge stays as it is.
 */
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { Plan, PlanContainer } from "../../core/model/plan.js";
import type { Scenario } from "../../core/model/scenario.js";
import { storeBoxesAndCharges } from "./box.store.js";
import type { ContainerEvent } from "./entities/container.entity.js";
import { PlanEntity } from "./entities/plan.entity.js";
import { PlanningRunEntity } from "./entities/planning-run.entity.js";
import type { LateWorld } from "./late-world.js";
import { containerRowId, insertContainers } from "./plan.store.js";

/** The id a stored row had in its own plan (`v3-CNT-001` -> `CNT-001`). */
export const planIdOf = (rowId: string) => rowId.replace(/^v\d+-/, "");

export interface LateAssignment {
  world: LateWorld;
  /** The world's plan with the shipment in `container` (the core's assignLateShipment). */
  plan: Plan;
  shipment: string;
  container: string;
  by: { keyId: string; role: string };
  now: Date;
}

export interface StoredAssignment {
  runId: string;
  version: number;
  container: string;
  box: string | null;
  plan: Plan;
  scenario: Scenario;
}

export async function storeLateAssignment(m: EntityManager, a: LateAssignment): Promise<StoredAssignment> {
  const [{ max }] = (await m.query(`SELECT COALESCE(MAX("version"), 0) AS max FROM "plan"`)) as {
    max: number;
  }[];
  const version = Number(max) + 1;
  const oldBox = [...a.world.boxes.values()].find((b) => b.containers.includes(a.container));
  const renamed = new Map<string, string>([[a.container, containerRowId(version, planIdOf(a.container))]]);
  if (oldBox) renamed.set(oldBox.id, containerRowId(version, planIdOf(oldBox.id)));
  const rename = (id: string) => renamed.get(id) ?? id;
  const plan: Plan = {
    ...a.plan,
    containers: a.plan.containers.map((c) => (c.id === a.container ? { ...c, id: rename(c.id) } : c)),
    ...(a.plan.boxes
      ? { boxes: a.plan.boxes.map((b) => ({ ...b, id: rename(b.id), containers: b.containers.map(rename) })) }
      : {}),
    charges: a.plan.charges.map((ch) => ({ ...ch, container: rename(ch.container) })),
  };
  const container = plan.containers.find((c) => c.id === rename(a.container)) as PlanContainer;
  const newBox = oldBox ? rename(oldBox.id) : null;
  // whose charges change: the container's, and those of every container sharing its box
  const recharged = new Set([container.id, ...(oldBox?.containers.map(rename) ?? [])]);

  const runId = randomUUID();
  await m.insert(PlanningRunEntity, {
    id: runId,
    state: "completed",
    progress: 100,
    request: { lateShipment: a.shipment, container: a.container },
    scenario: a.world.scenario,
    keptContainers: [],
    planVersion: version,
    errors: null,
    createdBy: a.by.keyId,
    finishedAt: a.now,
  });
  await m.insert(PlanEntity, { version, runId, plan });

  const [old] = (await m.query(`SELECT "history" FROM "container" WHERE "id" = $1`, [a.container])) as {
    history: ContainerEvent[];
  }[];
  const event: ContainerEvent = {
    status: "planned",
    at: a.now.toISOString(),
    by: a.by.keyId,
    role: a.by.role,
  };
  await m.query(
    `UPDATE "container" SET "current" = false, "status" = 'superseded', "updatedAt" = now() WHERE "id" = $1`,
    [a.container],
  );
  const pickup = await insertContainers(
    m,
    version,
    [{ rowId: container.id, container, history: [...(old?.history ?? []), event] }],
    a.world.scenario,
  );
  await m.query(`UPDATE "charge" SET "current" = false WHERE "current" AND "containerId" = ANY($1::text[])`, [
    [...recharged].map((id) => (id === container.id ? a.container : id)),
  ]);
  if (oldBox) await m.query(`UPDATE "box" SET "current" = false WHERE "id" = $1`, [oldBox.id]);
  await storeBoxesAndCharges(m, plan, a.world.scenario, {
    version,
    rowId: (id) => id,
    boxes: new Set(newBox ? [newBox] : []),
    chargesOf: recharged,
  });

  // The late shipment rides here now; the container's own shipments follow it to its new row.
  for (const [shipment, at] of pickup) {
    await m.query(
      `UPDATE "shipment" SET "status" = 'planned', "containerId" = $2, "pickupAt" = $3, "planVersion" = $4,
              "unassignedReason" = CASE WHEN "id" = $5 THEN NULL ELSE "unassignedReason" END,
              "unassignedDetail" = CASE WHEN "id" = $5 THEN NULL ELSE "unassignedDetail" END
        WHERE "id" = $1 AND ("id" = $5 OR "containerId" = $6)`,
      [shipment, at.containerId, at.at, version, a.shipment, a.container],
    );
  }
  return { runId, version, container: container.id, box: newBox, plan, scenario: a.world.scenario };
}
