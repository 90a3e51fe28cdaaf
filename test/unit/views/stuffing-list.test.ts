import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { type StuffingBox, stuffingCsv, stuffingHtml } from "../../../shared/views/stuffing-list.js";

const BOX: StuffingBox = {
  id: "v1-B1",
  type: "20GP",
  reefer: false,
  slots: 3,
  maxWeightKg: 21_000,
  weightKg: 2000 + 1500 + 2 * 350,
  sailing: { id: "IDBDJ-1", departure: "2026-12-29T20:00:00+08:00", cutoff: "2026-12-29T08:00:00+08:00" },
  port: { id: "IDBDJ", name: "Trisakti <Banjarmasin>", timeZone: "Asia/Makassar" },
  destination: "SG",
  containers: [
    { id: "v1-C1", type: "C3T", boxSlots: 1, tareKg: 350, weightKg: 2000 },
    { id: "v1-C2", type: "C3T", boxSlots: 1, tareKg: 350, weightKg: 1500 },
  ],
};

describe("views/stuffing-list", () => {
  it("lists the box's containers in loading order with gross weights and an empty seal column", () => {
    const records: string[][] = parse(stuffingCsv([BOX], "en"));
    const h = records[0];
    expect(h).to.include.members(["box", "container", "gross_kg", "seal_no"]);
    expect(records.slice(1).map((r) => r[h.indexOf("container")])).to.deep.equal(["v1-C1", "v1-C2"]);
    expect(records.slice(1).map((r) => r[h.indexOf("position")])).to.deep.equal(["1", "2"]);
    expect(records.slice(1).map((r) => Number(r[h.indexOf("gross_kg")]))).to.deep.equal([2350, 1850]);
    expect(records.slice(1).map((r) => r[h.indexOf("seal_no")])).to.deep.equal(["", ""]);
    const gross = records.slice(1).reduce((a, r) => a + Number(r[h.indexOf("gross_kg")]), 0);
    expect(gross).to.equal(BOX.weightKg);
  });

  it("prints a sheet with the sailing in the port's clock, blanks for seals, every name escaped", () => {
    const html = stuffingHtml([BOX], "id");
    expect(html).to.include("<title>Daftar stuffing box v1-B1</title>");
    expect(html).to.include("Trisakti &lt;Banjarmasin&gt; (IDBDJ)");
    expect(html).to.include("Sel, 29 Des 2026 08.00 WITA");
    expect(html).to.include("2 dari 3");
    expect(html.match(/<td class="seal"><span class="blank"><\/span><\/td>/g)).to.have.length(4);
    expect(html).to.include("Nomor segel box:");
    expect(html).to.not.include("<script");
    const en = stuffingHtml([BOX, { ...BOX, id: "v1-B2" }], "en");
    expect(en.match(/<section class="box">/g)).to.have.length(2);
    expect(en).to.include("<title>Stuffing lists</title>");
    expect(en).to.include("Box seal no.:");
  });
});
