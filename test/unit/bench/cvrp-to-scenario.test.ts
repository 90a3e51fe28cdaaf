import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "chai";
import { CVRP_VEHICLE_TYPE, cvrpToScenario } from "../../../bench/convert/cvrp-to-scenario.converter.js";
import { parseCvrplib } from "../../../bench/parse/cvrplib.parser.js";
import { legMeasure } from "../../../shared/core/check/check-travel.js";
import { validateScenario } from "../../../shared/core/model/validate.js";

const DATA = resolve(__dirname, "../../../bench/data/cvrplib");
const load = (set: string, name: string) => parseCvrplib(readFileSync(`${DATA}/${set}/${name}.vrp`, "utf8"));

describe("bench: CVRPLIB -> Scenario", () => {
  it("turns every bundled A and P instance into a valid Scenario, one shipment per customer", () => {
    for (const set of ["A", "P"]) {
      const files = readdirSync(`${DATA}/${set}`).filter((f) => f.endsWith(".vrp"));
      expect(files.length).to.be.greaterThan(20);
      for (const file of files) {
        const inst = load(set, file.replace(/\.vrp$/, ""));
        const { scenario, skipped } = cvrpToScenario(inst);
        const result = validateScenario(scenario);
        expect(result.ok, `${file}: ${JSON.stringify(!result.ok && result.errors)}`).to.equal(true);
        expect(skipped, file).to.deep.equal([]);
        expect(scenario.shipments.map((s) => s.weightKg)).to.deep.equal(inst.customers.map((c) => c.demand));
        expect(scenario.depots[0].fleet).to.deep.equal({ [CVRP_VEHICLE_TYPE]: inst.vehicles });
      }
    }
  });

  it("places the port on the depot, so a route is a closed CVRP tour", () => {
    const { scenario } = cvrpToScenario(load("A", "A-n32-k5"));
    expect(scenario.objective).to.equal("distance");
    expect(scenario.travel).to.deep.equal({ metric: "euclidean" });
    expect(scenario.horizon).to.equal(undefined);
    expect([scenario.ports[0].x, scenario.ports[0].y]).to.deep.equal([
      scenario.depots[0].x,
      scenario.depots[0].y,
    ]);
    expect(scenario.containerTypes[0]).to.include({ maxWeightKg: 100, fixedCost: 0, costPerKm: 1 });
  });

  it("reproduces the published optimum 784 of A-n32-k5 from its CVRPLIB solution under the checker's metric", () => {
    const { scenario } = cvrpToScenario(load("A", "A-n32-k5"));
    const leg = legMeasure(scenario);
    const village = new Map(scenario.villages.map((v) => [v.id, v]));
    const weight = new Map(scenario.shipments.map((s) => [s.village, s.weightKg]));
    const sol = readFileSync(`${DATA}/A/A-n32-k5.sol`, "utf8");
    const routes = [...sol.matchAll(/^Route #\d+:(.*)$/gm)].map((m) =>
      m[1]
        .trim()
        .split(/\s+/)
        .map((n) => `c${n}`),
    );
    expect(routes).to.have.length(5);
    let total = 0;
    for (const route of routes) {
      const stops = [scenario.depots[0], ...route.map((id) => village.get(id)!), scenario.ports[0]];
      for (let i = 1; i < stops.length; i++) total += leg(stops[i - 1], stops[i]).km;
      const load = route.reduce((s, id) => s + weight.get(id)!, 0);
      expect(load).to.be.at.most(scenario.containerTypes[0].maxWeightKg);
    }
    expect(new Set(routes.flat()).size).to.equal(scenario.shipments.length);
    expect(total).to.equal(784);
  });

  it("--fleet unlimited drops the fleet; k needs a -kN name", () => {
    const inst = load("P", "P-n16-k8");
    expect(cvrpToScenario(inst, "unlimited").scenario.depots[0].fleet).to.equal(undefined);
    expect(() => cvrpToScenario({ ...inst, name: "CMT1", vehicles: null }, "k")).to.throw(
      /CMT1.*--fleet unlimited/,
    );
  });

  it("leaves out a customer with demand 0 (a shipment must weigh > 0) and says so", () => {
    const inst = load("P", "P-n16-k8");
    inst.customers[2] = { ...inst.customers[2], demand: 0 };
    const { scenario, skipped } = cvrpToScenario(inst);
    expect(skipped).to.deep.equal([{ id: "c3", reason: "demand 0: nothing to pick up" }]);
    expect(scenario.villages.map((v) => v.id)).to.not.include("c3");
    expect(scenario.shipments).to.have.length(inst.customers.length - 1);
    expect(validateScenario(scenario).ok).to.equal(true);
  });
});
