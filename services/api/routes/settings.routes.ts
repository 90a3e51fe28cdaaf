/**
 * Planning defaults every stateful run shares: objective, travel model, product rules.
 * Validated whole (unknown keys refused at every level, only what a stateful plan can
 * use), and a travel metric is accepted only if every stored place has the
 * coordinates it needs: a setting that would break every plan is refused, not stored.
 */
import { Router } from "express";
import type { DataSource, EntityManager } from "typeorm";
import { planningSettingsSchema } from "../../../shared/contracts/resources.schemas.js";
import { coordinateErrors } from "../../../shared/core/model/record-rules.js";
import { changedFields, recordAudit } from "../../../shared/infra/db/audit-log.repository.js";
import { DepotEntity } from "../../../shared/infra/db/entities/depot.entity.js";
import { PortEntity } from "../../../shared/infra/db/entities/port.entity.js";
import { VillageEntity } from "../../../shared/infra/db/entities/village.entity.js";
import { getPlanningDefaults, setPlanningDefaults } from "../../../shared/infra/db/settings.repository.js";
import { AppError } from "../../../shared/infra/errors.js";
import { principalOf, requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

const NAMED = 5;

/** Stored places the metric could not measure a trip to, as a 409 naming some of them. */
async function placesMissingCoordinates(m: EntityManager, metric: "road" | "euclidean") {
  const missing: string[] = [];
  for (const [name, entity] of [
    ["villages", VillageEntity],
    ["ports", PortEntity],
    ["depots", DepotEntity],
  ] as const) {
    const rows = await m.find(entity as typeof VillageEntity, {
      select: { id: true, lat: true, lon: true, x: true, y: true },
    });
    const ids = rows.filter((row) => coordinateErrors(row, { metric }).length > 0).map((row) => row.id);
    if (ids.length > 0) {
      const more = ids.length > NAMED ? ` and ${ids.length - NAMED} more` : "";
      missing.push(`${name} ${ids.slice(0, NAMED).join(", ")}${more}`);
    }
  }
  return missing;
}

export function settingsRouter(ds: DataSource, now: () => Date = () => new Date()): Router {
  const router = Router();
  router.get("/settings/planning", async (_req, res) => {
    res.json(await getPlanningDefaults(ds.manager));
  });
  router.put("/settings/planning", requireRole("coordinator"), async (req, res) => {
    const value = parseInput(planningSettingsSchema, req.body);
    await ds.transaction(async (m) => {
      const metric = value.travel?.metric ?? "road";
      const missing = await placesMissingCoordinates(m, metric);
      if (missing.length > 0) {
        const needs = metric === "road" ? "lat and lon" : "x and y";
        throw new AppError("CONFLICT", 409, [
          {
            path: "travel.metric",
            message: `"${metric}" needs ${needs} on every village, port and depot; missing on ${missing.join("; ")}`,
          },
        ]);
      }
      const before = await getPlanningDefaults(m);
      await setPlanningDefaults(m, value);
      const changes = changedFields(before, value);
      await recordAudit(m, principalOf(res), now(), {
        action: "settings.update",
        resource: "settings",
        resourceId: "planning",
        summary: `planning settings replaced: ${Object.keys(changes.after).join(", ") || "no field changed"}`,
        changes,
      });
    });
    res.json(value);
  });
  return router;
}
