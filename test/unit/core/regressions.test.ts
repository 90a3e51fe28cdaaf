/**
 * Plans that once broke a rule, found by running the random-scenario generator wider than
 * the property tests do (seeds 1-300 at 25 shipments, 1000-1150 at 80, 2000-2300 at 30).
 */
import { solve } from "../../../shared/core/solve.js";
import { expectEveryPackageOnce, expectFeasible } from "../../support/plan-assertions.js";
import { randomScenario } from "../../support/random-scenario.js";

describe("optimiser regressions", () => {
  // A relocate emptied a trip on a sailing with one place left; the move's evaluation gave
  // that place to the other trip, but the emptied trip still held it, so applying the move
  // failed silently and left a container on a sailing after its shipments' sailBy
  // (SAILING_SAIL_BY, CONTAINER_DISTANCE, CONTAINER_COST).
  it("random scenario 1077 (80 shipments): a trip emptied by a move hands its sailing place over", () => {
    const scenario = randomScenario(1077, 80);
    const plan = solve(scenario, { seed: 1077, maxIterations: 300 });
    expectFeasible(scenario, plan);
    expectEveryPackageOnce(scenario, plan);
  });
});
