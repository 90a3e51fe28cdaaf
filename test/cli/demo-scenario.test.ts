/**
 * The committed demo week must be exactly what its generator writes from the committed
 * data, and must stay a realistic, valid Scenario the service can load.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { loadIndonesiaData } from "../../scripts/demo/indonesia-data.js";
import { makeDemoScenario } from "../../scripts/make-demo-scenario.js";
import { validateScenario } from "../../shared/core/model/validate.js";
import { REPO } from "./run-cli.js";

describe("demo scenario: data/demo/kalimantan-week.json", () => {
  const committed = JSON.parse(readFileSync(join(REPO, "data/demo/kalimantan-week.json"), "utf8"));
  const data = loadIndonesiaData(join(REPO, "data/indonesia"));

  it("is what the generator writes for seed 2026 (regenerate with npx tsx scripts/make-demo-scenario.ts)", () => {
    expect(JSON.parse(JSON.stringify(makeDemoScenario(data, 2026)))).to.deep.equal(committed);
  });

  it("changes with the seed, so the seed really drives it", () => {
    const other = makeDemoScenario(data, 7);
    expect(other.shipments.map((s) => s.weightKg)).not.to.deep.equal(
      committed.shipments.map((s: { weightKg: number }) => s.weightKg),
    );
  });

  it("is a valid Scenario", () => {
    const result = validateScenario(committed);
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
  });

  it("has the size the brief asks for: 25-40 villages, 80-150 shipments, 6-10 sailings, 2-3 hubs", () => {
    expect(committed.villages.length).to.be.within(25, 40);
    expect(committed.shipments.length).to.be.within(80, 150);
    expect(committed.sailings.length).to.be.within(6, 10);
    expect(committed.depots.length).to.be.within(2, 3);
  });

  it("uses real villages: code, name and point as in data/indonesia/villages.csv", () => {
    const byCode = new Map(data.villages.map((v) => [v.code, v]));
    for (const v of committed.villages) {
      const row = byCode.get(v.id);
      expect(row, v.id).to.not.equal(undefined);
      expect([v.name, v.lat, v.lon]).to.deep.equal([row!.name, row!.lat, row!.lon]);
      expect(v.bumdes).to.equal(`BUMDes ${row!.name}`);
      expect(v.timeZone).to.equal(v.id.startsWith("62.") ? "Asia/Pontianak" : "Asia/Makassar");
    }
  });

  it("carries every product, crab only by air, with realistic weights", () => {
    const products = new Set(committed.shipments.map((s: { product: string }) => s.product));
    expect([...products].sort()).to.deep.equal(
      [
        "avocado",
        "banana-flour",
        "coffee",
        "dried-seaweed",
        "essential-oil",
        "mud-crab",
        "rattan-crafts",
      ].sort(),
    );
    const airDestinations = new Set(
      committed.sailings
        .filter((s: { port: string }) => s.port === "BDJ")
        .flatMap((s: { destinations: string[] }) => s.destinations),
    );
    for (const s of committed.shipments) {
      if (s.product === "mud-crab") {
        expect(s.handling).to.equal("live");
        expect(s.weightKg).to.be.within(50, 300);
        expect(airDestinations.has(s.destination), s.id).to.equal(true);
      } else if (s.id !== "COF-LOT") {
        expect(s.weightKg, s.id).to.be.within(100, 2500);
        expect(airDestinations.has(s.destination), s.id).to.equal(false);
      }
    }
  });
});
