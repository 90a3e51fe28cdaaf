import type { EntityManager } from "typeorm";
import { metricOf, type RecordContext } from "../../core/model/record-rules.js";
import type { Scenario } from "../../core/model/scenario.js";
import { SettingEntity } from "./entities/setting.entity.js";

/** What every planning run shares: objective, travel model, product rules. */
export type PlanningDefaults = Pick<Scenario, "objective" | "travel" | "rules">;
export const PLANNING_DEFAULTS_KEY = "planning-defaults";

export async function getPlanningDefaults(m: EntityManager): Promise<PlanningDefaults> {
  const row = await m.findOneBy(SettingEntity, { key: PLANNING_DEFAULTS_KEY });
  return (row?.value as PlanningDefaults | undefined) ?? {};
}

export async function setPlanningDefaults(m: EntityManager, value: PlanningDefaults): Promise<void> {
  await m.save(SettingEntity, { key: PLANNING_DEFAULTS_KEY, value });
}

/** What a record written now is checked against: the travel metric of the stored settings. */
export async function recordContext(m: EntityManager): Promise<RecordContext> {
  return { metric: metricOf((await getPlanningDefaults(m)).travel) };
}
