/** Planning defaults every run shares: objective, travel model, product rules. */
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scenarioSchema } from "../../../shared/core/model/scenario.js";
import { getPlanningDefaults, setPlanningDefaults } from "../../../shared/infra/db/settings.repository.js";
import { requireRole } from "../principal.js";
import { parseInput } from "../validate-request.js";

export const planningDefaultsSchema = scenarioSchema
  .pick({ objective: true, travel: true, rules: true })
  .strict();

export function settingsRouter(ds: DataSource): Router {
  const router = Router();
  router.get("/settings/planning", async (_req, res) => {
    res.json(await getPlanningDefaults(ds.manager));
  });
  router.put("/settings/planning", requireRole("coordinator"), async (req, res) => {
    const value = parseInput(planningDefaultsSchema, req.body);
    await setPlanningDefaults(ds.manager, value);
    res.json(value);
  });
  return router;
}
