/**
 * Put the views' fixture week into a database through the service's own mappers and
 * plan store, so the web routes read exactly what a real planning run would write.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { saveReferenceData } from "../../../services/seed/demo-data.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { createApiKey } from "../../../shared/infra/db/api-keys.repository.js";
import { PlanningRunEntity } from "../../../shared/infra/db/entities/planning-run.entity.js";
import { ShipmentEntity } from "../../../shared/infra/db/entities/shipment.entity.js";
import { storePlan } from "../../../shared/infra/db/plan.store.js";
import { newShipmentRow } from "../../../shared/infra/db/scenario.mapper.js";

/** The places, sailings and container types, stored as the demo loader stores them. */
export async function seedReference(ds: DataSource, scenario: Scenario): Promise<void> {
  await ds.transaction((m) => saveReferenceData(m, scenario));
}

export async function seedShipments(ds: DataSource, scenario: Scenario): Promise<void> {
  await ds.manager.save(ShipmentEntity, scenario.shipments.map(newShipmentRow));
}

/** Store a plan the way the worker does, through a completed planning run. */
export async function storeFixturePlan(ds: DataSource, scenario: Scenario, plan: Plan): Promise<number> {
  const runId = randomUUID();
  await ds.manager.save(PlanningRunEntity, {
    id: runId,
    state: "active",
    progress: 50,
    request: { region: "fixture" },
    scenario,
    keptContainers: [],
    planVersion: null,
    errors: null,
    createdBy: null,
    finishedAt: null,
  });
  const outcome = await ds.transaction((m) => storePlan(m, runId, plan, new Date("2026-12-20T00:00:00Z")));
  if (outcome.kind !== "stored") throw new Error(`fixture plan not stored: ${JSON.stringify(outcome)}`);
  return outcome.version;
}

export async function seedKeys(ds: DataSource) {
  const coordinator = await createApiKey(ds.manager, { role: "coordinator", label: "e2e coordinator" });
  const bumdesA = await createApiKey(ds.manager, { role: "bumdes", villages: ["vA"] });
  const bumdesB = await createApiKey(ds.manager, { role: "bumdes", villages: ["vB"] });
  const exporterB = await createApiKey(ds.manager, { role: "exporter", exporter: "EXP-B" });
  return {
    coordinator: coordinator.key,
    bumdesA: bumdesA.key,
    bumdesB: bumdesB.key,
    exporterB: exporterB.key,
  };
}
