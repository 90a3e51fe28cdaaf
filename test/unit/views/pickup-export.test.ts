import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { formatPickup, pickupsToCsv } from "../../../shared/views/pickup-export.js";
import { pickupRows } from "../../../shared/views/pickup-schedule.js";
import { fixturePlan, fixtureScenario } from "./fixtures.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("views/pickup-export", () => {
  it("formats each pickup in the village's own clock and names the zone", () => {
    const rows = pickupRows(fixturePlan(), fixtureScenario());
    const views = rows.map((r) => formatPickup(r, "id"));
    expect(views.map((v) => [v.village, v.date, v.time, v.zone])).to.deep.equal([
      ["vP", "Sen, 28 Des 2026", "08.00", "WIT"],
      ["vA", "Sen, 28 Des 2026", "08.00", "WITA"],
      ["vB", "Sen, 28 Des 2026", "09.00", "WIB"],
    ]);
    expect(nbsp(views[2].when)).to.equal("Sen, 28 Des 2026 09.00 WIB");
    expect(views[2].container).to.equal("C1");
    expect(views[2].loads).to.deep.equal(["S2 · banana-flour · 4 koli · 800 kg"]);
    const en = formatPickup(rows[2], "en");
    expect(en.loads).to.deep.equal(["S2 · banana-flour · 4 packages · 800 kg"]);
    expect(en.time).to.equal("09:00");
    const single = formatPickup(rows[0], "en");
    expect(single.loads).to.deep.equal(["S4 · mud-crab · 1 package · 500 kg"]);
  });

  it("writes a CSV with one line per load and translated headers", () => {
    const csv = pickupsToCsv(pickupRows(fixturePlan(), fixtureScenario()), "en");
    const records: string[][] = parse(csv);
    expect(records[0].slice(0, 4)).to.deep.equal(["date", "time", "zone", "village"]);
    expect(records).to.have.length(4);
    const vA = records.find((r) => r[3] === "vA")!;
    expect(vA[4]).to.equal('Desa Sungai Tabuk, "Hulu"');
    expect(vA[5]).to.equal("BUMDes Maju & Jaya <1>");
    expect(vA.slice(0, 3)).to.deep.equal(["Mon, 28 Dec 2026", "08:00", "WITA"]);
    expect(vA[6]).to.equal("C1");
    expect(Number(vA[13])).to.equal(1200);
    const id = parse(pickupsToCsv([], "id"));
    expect(id[0].slice(0, 3)).to.deep.equal(["tanggal", "jam", "zona"]);
  });
});
