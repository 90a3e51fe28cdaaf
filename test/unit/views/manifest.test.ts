import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { manifestCsv, manifestHtml, manifestLines } from "../../../shared/views/manifest.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

describe("views/manifest", () => {
  it("lists every load of the chosen containers and nothing else", () => {
    const lines = manifestLines(fixturePlan(), fixtureScenario(), "en", ["C1"]);
    expect(lines.map((l) => l.shipment)).to.deep.equal(["S1", "S2"]);
    expect(lines.reduce((a, l) => a + l.weightKg, 0)).to.equal(2000);
    expect(manifestLines(fixturePlan(), fixtureScenario(), "en")).to.have.length(3);
  });

  it("writes CSV whose weights add up to the container's weight", () => {
    const records: string[][] = parse(manifestCsv(fixturePlan(), fixtureScenario(), "id", ["C1"]));
    const header = records[0];
    expect(header).to.include("berat_kg");
    const w = header.indexOf("berat_kg");
    expect(records.slice(1).reduce((a, r) => a + Number(r[w]), 0)).to.equal(2000);
  });

  it("prints a page with the container's facts, escaping every name", () => {
    const html = manifestHtml(fixturePlan(), fixtureScenario(), "en", ["C1"]);
    expect(html).to.match(/^<!doctype html>/);
    expect(html).to.include("<title>Container manifest C1</title>");
    expect(html).to.include("Desa Sungai Tabuk, &quot;Hulu&quot;");
    expect(html).to.include("Trisakti (Banjarmasin) (IDBDJ)");
    expect(html).to.include("IDBDJ-1");
    expect(html).to.include("@media print");
    expect(html.match(/Container manifest C1/g)).to.have.length(2); // <title> and <h1>, no repeated <h2>
    expect(html).to.not.include("<script");
    const manyHtml = manifestHtml(fixturePlan(), fixtureScenario(), "id");
    expect(manyHtml.match(/<section class="container">/g)).to.have.length(2);
    expect(manyHtml.match(/<h2>/g)).to.have.length(2); // each container named on its own sheet
    expect(manyHtml).to.include('lang="id-ID"');
  });

  it("never lets scenario text become markup", () => {
    const scenario = fixtureScenario();
    scenario.shipments[0].product = "<img src=x onerror=alert(1)>";
    const html = manifestHtml(fixturePlan(), scenario, "en", ["C1"]);
    expect(html).to.not.include("<img");
    expect(html).to.include("&lt;img src=x onerror=alert(1)&gt;");
  });
});
