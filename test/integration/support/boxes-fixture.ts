/**
 * The spec's example week with sea boxes (`example-scenario-boxes.json` beside the spec):
 * 20 ft dry and reefer boxes of three village-container slots, 350 kg tare per village
 * container, six boxes per sailing. Built from the example week the tests already carry,
 * so the two stay one week.
 */
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { exampleScenario } from "./fixtures.js";

export const BOX_TYPES = [
  { id: "20GP", slots: 3, maxWeightKg: 21000, freight: 9_500_000 },
  { id: "20RF", slots: 3, maxWeightKg: 20000, reefer: true, freight: 16_500_000 },
];

export function exampleScenarioWithBoxes(): Scenario {
  const s = exampleScenario();
  return {
    ...s,
    id: "example-boxes",
    containerTypes: s.containerTypes.map((t) => ({ ...t, boxSlots: 1, tareKg: 350 })),
    sailings: (s.sailings ?? []).map((x) => ({ ...x, maxBoxes: 6 })),
    boxTypes: BOX_TYPES,
  };
}
