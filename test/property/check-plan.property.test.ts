/**
 * The checker is not lenient: take a real plan of a random scenario, break it in one
 * known way, and the checker must name the rule. (A checker that passes everything would
 * make solve.property.test.ts worthless.)
 */
import { expect } from "chai";
import fc from "fast-check";
import { checkPlan } from "../../shared/core/check/check-plan.js";
import type { Plan } from "../../shared/core/model/plan.js";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { solve } from "../../shared/core/solve.js";
import { scenarioArbitrary } from "../support/random-scenario.js";

const plusMinutes = (iso: string, min: number) => new Date(Date.parse(iso) + min * 60000).toISOString();

/** Each mutation breaks a plan with at least one container and names the rule it breaks. */
const MUTATIONS: { rule: string; apply: (p: Plan, s: Scenario) => void }[] = [
  { rule: "PACKAGES_LOST", apply: (p) => p.containers[0].stops[0].load.shift() },
  {
    rule: "PACKAGES_DOUBLED",
    apply: (p) => p.containers.push({ ...structuredClone(p.containers[0]), id: "COPY" }),
  },
  {
    rule: "ARRIVAL_TIME",
    apply: (p) => (p.containers[0].stops[0].arrival = plusMinutes(p.containers[0].stops[0].arrival, -10)),
  },
  {
    rule: "PORT_ARRIVAL_TIME",
    apply: (p) => (p.containers[0].portArrival = plusMinutes(p.containers[0].portArrival, -10)),
  },
  { rule: "CONTAINER_DISTANCE", apply: (p) => (p.containers[0].distanceKm += 1) },
  { rule: "PART_WEIGHT", apply: (p) => (p.containers[0].stops[0].load[0].weightKg *= 1.1) },
  { rule: "EMPTY_CONTAINER", apply: (p) => (p.containers[0].stops = []) },
  {
    rule: "DUPLICATE_CONTAINER_ID",
    apply: (p) => p.containers.push({ ...structuredClone(p.containers[0]) }),
  },
  {
    rule: "OVER_WEIGHT",
    apply: (p, s) => {
      const type = s.containerTypes.find((t) => t.id === p.containers[0].type)!;
      type.maxWeightKg = p.containers[0].weightKg / 2;
    },
  },
];

describe("checkPlan (property): a broken solver plan is caught", function () {
  this.timeout(300_000);

  it("names the rule each mutation breaks", () => {
    let mutated = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary({ minSize: 3, maxSize: 12 }),
        fc.nat(MUTATIONS.length - 1),
        ({ seed, scenario }, m) => {
          const plan = solve(scenario, { seed, maxIterations: 50 });
          expect(checkPlan(scenario, plan)).to.deep.equal([]);
          if (plan.containers.length === 0) return;
          const { rule, apply } = MUTATIONS[m];
          const broken = structuredClone(scenario);
          apply(plan, broken);
          mutated++;
          expect(checkPlan(broken, plan).map((v) => v.rule)).to.include(rule);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
    expect(mutated).to.be.greaterThan(20);
  });
});
