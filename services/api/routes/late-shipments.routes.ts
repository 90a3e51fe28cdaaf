/**
 * Where a late shipment still fits, without re-planning the week (issue 9):
 * `GET /v1/shipments/{id}/options` lists the containers still `planned` that could take
 * it under every rule (cheapest first) and what a container of its own would cost;
 * `POST /v1/shipments/{id}/assign {"container"}` puts it there as a new plan version.
 * Coordinators only: the answer names other people's containers.
 *
 * The core decides (shared/core/late/); the service builds the world it decides on
 * (late-world.ts), checks the new plan with the independent checker and stores only what
 * changed (late-assignment.store.ts). An assignment runs under the `plan` table lock, so
 * two coordinators filling the same container are served one after the other: the second
 * is judged on the first's result (409 when it no longer fits).
 */
import { Router } from "express";
import type { DataSource, EntityManager } from "typeorm";
import { lateAssignBodySchema } from "../../../shared/contracts/boxes.schemas.js";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { assignLateShipment, lateShipmentOptions } from "../../../shared/core/late/late-options.js";
import { ContainerEntity } from "../../../shared/infra/db/entities/container.entity.js";
import { ShipmentEntity } from "../../../shared/infra/db/entities/shipment.entity.js";
import { storeLateAssignment } from "../../../shared/infra/db/late-assignment.store.js";
import { loadLateWorld } from "../../../shared/infra/db/late-world.js";
import { AppError, conflict, notFound, unprocessable } from "../../../shared/infra/errors.js";
import { principalOf, requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

async function lateShipment(m: EntityManager, id: string, lock = false): Promise<ShipmentEntity> {
  const row = await m.findOne(ShipmentEntity, {
    where: { id },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!row) throw notFound("shipment", id);
  if (row.status === "cancelled") throw conflict("status", `shipment ${id} is cancelled`);
  return row;
}

/** The options of a late shipment, and the world they were found in (to name places). */
export async function findLateOptions(m: EntityManager, id: string, now: Date) {
  const row = await lateShipment(m, id);
  const world = await loadLateWorld(m, row, now);
  const found = lateShipmentOptions(world.scenario, world.plan, row.id, {
    eligibleContainers: world.eligible,
  });
  return { row, world, found };
}

export function lateShipmentsRouter(deps: { dataSource: DataSource; now: () => Date }): Router {
  const router = Router();
  const ds = deps.dataSource;

  router.get("/shipments/:id/options", requireRole("coordinator"), async (req, res) => {
    const row = await lateShipment(ds.manager, String(req.params.id));
    const world = await loadLateWorld(ds.manager, row, deps.now());
    const found = lateShipmentOptions(world.scenario, world.plan, row.id, {
      eligibleContainers: world.eligible,
    });
    res.json({ shipment: row.id, options: found.options, newContainer: found.newContainer });
  });

  router.post("/shipments/:id/assign", requireRole("coordinator"), async (req, res) => {
    const { container } = parseInput(lateAssignBodySchema, req.body);
    const p = principalOf(res);
    const stored = await ds.transaction(async (m) => {
      // one version at a time, and the world read after the lock is the world written on
      await m.query(`LOCK TABLE "plan" IN EXCLUSIVE MODE`);
      const row = await lateShipment(m, String(req.params.id), true);
      const world = await loadLateWorld(m, row, deps.now(), container);
      const target = world.rows.get(container);
      if (!target) {
        const stored = await m.findOneBy(ContainerEntity, { id: container });
        if (!stored)
          throw unprocessable([{ path: "container", message: `unknown container "${container}"` }]);
        throw conflict(
          "container",
          !stored.current || stored.status === "superseded"
            ? `container ${container} was replaced by a later plan`
            : Date.parse(stored.departDepot) < deps.now().getTime()
              ? `container ${container} has left its depot (${stored.status})`
              : `container ${container} runs on another island than village ${row.village}: trucks do not cross the sea`,
        );
      }
      if (target.status !== "planned")
        throw conflict("container", `container ${container} is ${target.status}, no longer planned`);
      const result = assignLateShipment(world.scenario, world.plan, row.id, container);
      if (!result.ok) throw conflict("container", result.reason);
      const violations = checkPlan(world.scenario, result.plan);
      if (violations.length > 0) {
        throw new AppError(
          "CONFLICT",
          409,
          violations.map((v) => ({
            path: v.container ? `containers.${v.container}` : v.rule,
            message: v.message,
          })),
        );
      }
      // The promise: nothing but that container (and its box's figures) changes.
      const before = new Map(world.plan.containers.map((c) => [c.id, JSON.stringify(c)]));
      const moved = result.plan.containers.filter(
        (c) => c.id !== container && before.get(c.id) !== JSON.stringify(c),
      );
      if (moved.length > 0 || result.plan.containers.length !== world.plan.containers.length)
        throw conflict(
          "container",
          `putting it there would change other containers (${moved.map((c) => c.id).join(", ")})`,
        );
      return storeLateAssignment(m, {
        world,
        plan: result.plan,
        shipment: row.id,
        container,
        by: { keyId: p.keyId, role: p.role },
        now: deps.now(),
      });
    });
    res
      .status(201)
      .location(`/v1/plans/${stored.runId}`)
      .json({
        shipment: String(req.params.id),
        run: stored.runId,
        version: stored.version,
        replaced: container,
        container: stored.container,
        box: stored.box,
      });
  });

  return router;
}
