/** A CVRPLIB instance from the repo's bench data as a validated Scenario (the bench's own converter), every customer in it. */
import { readFileSync } from "node:fs";
import { cvrpToScenario } from "../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../bench/parse/cvrplib.parser.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { validateScenario } from "../../shared/core/model/validate.js";

/** @param fleet "k": the instance's k vehicles; "unlimited": as many as needed */
export function cvrpScenario(name: string, fleet: "k" | "unlimited" = "k"): Scenario {
  const path = `bench/data/cvrplib/${name[0]}/${name}.vrp`;
  const { scenario, skipped } = cvrpToScenario(parseCvrplib(readFileSync(path, "utf8"), path), fleet);
  // A customer left out of the conversion would make a test's figures those of a smaller instance.
  if (skipped.length > 0) throw new Error(`${name}: customers skipped: ${JSON.stringify(skipped)}`);
  const valid = validateScenario(scenario);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.scenario;
}
