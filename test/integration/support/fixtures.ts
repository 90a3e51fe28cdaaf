import { join } from "node:path";
import { readScenarioFile } from "../../../services/seed/demo-data.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";

/** The spec's example week (30 shipments, 10 villages, 2 hubs, 3 ports, 6 sailings). */
export function exampleScenario(): Scenario {
  return readScenarioFile(join(__dirname, "../../../services/seed/example-scenario.json"));
}
