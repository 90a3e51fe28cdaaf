import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "chai";
import { BIN_TYPE, bppToScenario, integerScale } from "../../../bench/convert/bpp-to-scenario.converter.js";
import { parseBppLibInstance, parseOrLibraryBinPacking } from "../../../bench/parse/bin-packing.parser.js";
import { validateScenario } from "../../../shared/core/model/validate.js";

const DATA = resolve(__dirname, "../../../bench/data/binpacking");

describe("bench: bin packing parsers and converter", () => {
  const u120 = parseOrLibraryBinPacking(readFileSync(`${DATA}/falkenauer_u120.txt`, "utf8"));

  it("reads the 20 Falkenauer u120 instances with the corrected optima", () => {
    expect(u120).to.have.length(20);
    expect(u120.every((i) => i.capacity === 150 && i.sizes.length === 120)).to.equal(true);
    expect(u120[0].name).to.equal("u120_00");
    expect(u120[0].sizes.slice(0, 3)).to.deep.equal([42, 69, 67]);
    const optima = JSON.parse(readFileSync(`${DATA}/optima.json`, "utf8")) as Record<
      string,
      { optimum: number }
    >;
    for (const inst of u120) expect(inst.statedOptimum, inst.name).to.equal(optima[inst.name].optimum);
    expect(optima.u120_08.optimum).to.equal(50);
  });

  it("reads a BPPLIB file (CRLF) and refuses one whose item count is wrong", () => {
    const inst = parseBppLibInstance("3\r\n1000\r\n697\r\n695\r\n10\r\n", "H");
    expect(inst).to.deep.equal({ name: "H", capacity: 1000, sizes: [697, 695, 10] });
    expect(() => parseBppLibInstance("3\r\n1000\r\n697\r\n", "H")).to.throw(
      /3 items announced, 1 sizes found/,
    );
  });

  it("refuses a truncated OR-Library file naming the instance and item", () => {
    expect(() => parseOrLibraryBinPacking("1\n t_00\n 100 3 1\n 50\n 40\n")).to.throw(/t_00: size of item 3/);
    expect(() => parseOrLibraryBinPacking("2\n a\n 100 1 1\n 50\n")).to.throw(
      /2 instances announced, only 1/,
    );
  });

  it("makes one shipment per item in one village on the depot and port, bins costing 1", () => {
    const scenario = bppToScenario(u120[0]);
    expect(validateScenario(scenario).ok).to.equal(true);
    expect(scenario.objective).to.equal("cost");
    expect(scenario.containerTypes).to.have.length(1);
    expect(scenario.containerTypes[0]).to.include({
      id: BIN_TYPE,
      maxWeightKg: 150,
      fixedCost: 1,
      costPerKm: 0,
    });
    expect(scenario.depots[0].fleet).to.equal(undefined);
    expect(scenario.villages).to.have.length(1);
    expect(scenario.shipments.map((s) => s.weightKg)).to.deep.equal(u120[0].sizes);
    for (const p of [scenario.depots[0], scenario.ports[0], scenario.villages[0]])
      expect([p.x, p.y]).to.deep.equal([0, 0]);
  });

  it("scales one-decimal triplets to whole numbers so an exactly full bin stays feasible", () => {
    const [t] = parseOrLibraryBinPacking("1\n t60_x\n 100.0 3 1\n 33.3\n 33.3\n 33.4\n");
    expect(integerScale(t)).to.equal(10);
    const scenario = bppToScenario(t);
    expect(scenario.containerTypes[0].maxWeightKg).to.equal(1000);
    const weights = scenario.shipments.map((s) => s.weightKg);
    expect(weights).to.deep.equal([333, 333, 334]);
    expect(weights.reduce((a, b) => a + b, 0)).to.equal(1000);
  });
});
