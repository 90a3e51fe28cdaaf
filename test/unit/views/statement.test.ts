import { expect } from "chai";
import { parse } from "csv-parse/sync";
import {
  type ChargeLine,
  inPeriod,
  periodBackwards,
  statement,
  statementCsv,
  statementHtml,
  statementLinesCsv,
} from "../../../shared/views/statement.js";

const line = (over: Partial<ChargeLine>): ChargeLine => ({
  shipment: "S1",
  container: "v1-C1",
  village: "vA",
  villageName: "Desa A",
  bumdes: "BUMDes Maju & Jaya <1>",
  exporter: "EXP-A",
  product: "coffee",
  packages: 1,
  weightKg: 1000,
  truck: 600_000,
  freight: 300_000,
  pickupAt: "2026-12-28T08:00:00+08:00",
  timeZone: "Asia/Makassar",
  box: "v1-B1",
  ...over,
});

// Two containers (cost 1,000,000 and 500,000) in one box (freight 900,000), three villages.
const LINES: ChargeLine[] = [
  line({ shipment: "S1", weightKg: 1200, truck: 600_000, freight: 360_000 }),
  line({
    shipment: "S2",
    village: "vB",
    villageName: "Desa B",
    exporter: "EXP-B",
    weightKg: 800,
    truck: 400_000,
    freight: 240_000,
  }),
  line({
    shipment: "S3",
    container: "v1-C2",
    village: "vC",
    villageName: "Desa C",
    bumdes: null,
    exporter: null,
    weightKg: 500,
    truck: 500_000,
    freight: 300_000,
    pickupAt: "2026-12-31T23:30:00+07:00",
    timeZone: "Asia/Pontianak",
  }),
];

describe("views/statement", () => {
  it("groups by BUMDes: rows add up to the containers' costs plus the box's freight", () => {
    const s = statement(LINES, "bumdes");
    expect(s.items.map((r) => r.bumdes)).to.deep.equal(["BUMDes Maju & Jaya <1>", null]);
    const [maju, none] = s.items;
    expect(maju).to.deep.include({
      villages: ["vA", "vB"],
      shipments: 2,
      weightKg: 2000,
      truck: 1_000_000,
      freight: 600_000,
      total: 1_600_000,
      perKg: 800,
    });
    expect(none).to.deep.include({
      villages: ["vC"],
      shipments: 1,
      truck: 500_000,
      freight: 300_000,
      total: 800_000,
      perKg: 1600,
    });
    const sum = (k: "truck" | "freight" | "total") => s.items.reduce((a, r) => a + r[k], 0);
    expect(sum("truck")).to.equal(1_500_000); // the two containers' costs
    expect(sum("freight")).to.equal(900_000); // the box's freight
    expect(sum("total")).to.equal(s.totals.total);
    expect(s.totals).to.deep.equal({
      shipments: 3,
      weightKg: 2500,
      truck: 1_500_000,
      freight: 900_000,
      total: 2_400_000,
      perKg: 960,
    });
  });

  it("groups by exporter and counts a split shipment once", () => {
    const split = [
      ...LINES,
      line({ shipment: "S1", container: "v1-C2", weightKg: 100, truck: 10, freight: 5 }),
    ];
    const s = statement(split, "exporter");
    expect(s.items.map((r) => [r.exporter, r.shipments, r.weightKg, r.total])).to.deep.equal([
      ["EXP-A", 1, 1300, 960_015],
      ["EXP-B", 1, 800, 640_000],
      [null, 1, 500, 800_000],
    ]);
    expect(s.items[0]).to.not.have.property("bumdes");
  });

  it("reads date-only periods in each village's own clock, both days included", () => {
    // S3 is picked up at 23:30 WIB on 31 Dec: still 31 Dec in Pontianak, already 1 Jan in Makassar
    expect(inPeriod(LINES[2], { from: "2026-12-31", to: "2026-12-31" })).to.equal(true);
    expect(inPeriod({ ...LINES[2], timeZone: "Asia/Makassar" }, { to: "2026-12-31" })).to.equal(false);
    expect(inPeriod(LINES[0], { from: "2026-12-29" })).to.equal(false);
    expect(inPeriod(LINES[0], { to: "2026-12-28" })).to.equal(true);
    // instants are compared as they are
    expect(inPeriod(LINES[0], { from: "2026-12-28T08:00:00+08:00" })).to.equal(true);
    expect(inPeriod(LINES[0], { from: "2026-12-28T08:00:01+08:00" })).to.equal(false);
  });

  it("calls a period backwards only where no village's clock could make it meet", () => {
    expect(periodBackwards("2026-12-29", "2026-12-28")).to.equal(true);
    expect(periodBackwards("2026-12-28", "2026-12-28")).to.equal(false);
    // instants by the instant, whatever their offsets
    expect(periodBackwards("2026-12-28T10:00:00+09:00", "2026-12-28T09:00:00+07:00")).to.equal(false);
    expect(periodBackwards("2026-12-28T09:00:00+07:00", "2026-12-28T10:00:00+09:00")).to.equal(true);
    // a day against an instant: 31 Dec ends at 17:00 UTC in WIT but at 12:00 UTC on 1 Jan in the latest zone
    expect(periodBackwards("2027-01-01T11:00:00Z", "2026-12-31")).to.equal(false);
    expect(periodBackwards("2027-01-01T12:00:01Z", "2026-12-31")).to.equal(true);
    // 1 Jan starts at 10:00 UTC on 31 Dec in the earliest zone (+14:00)
    expect(periodBackwards("2027-01-01", "2026-12-31T10:00:00Z")).to.equal(false);
    expect(periodBackwards("2027-01-01", "2026-12-31T09:59:59Z")).to.equal(true);
  });

  it("writes the rows as CSV with a totals line, in the reader's language", () => {
    const records: string[][] = parse(statementCsv(statement(LINES, "bumdes"), "id"));
    expect(records[0]).to.deep.equal([
      "bumdes",
      "desa",
      "kiriman",
      "berat_kg",
      "biaya_truk_idr",
      "ongkos_laut_idr",
      "jumlah_idr",
      "per_kg_idr",
    ]);
    expect(records[1]).to.deep.equal([
      "BUMDes Maju & Jaya <1>",
      "vA vB",
      "2",
      "2000",
      "1000000",
      "600000",
      "1600000",
      "800",
    ]);
    expect(records[3]).to.deep.equal(["Jumlah", "", "3", "2500", "1500000", "900000", "2400000", "960"]);
    const en: string[][] = parse(statementCsv(statement(LINES, "exporter"), "en"));
    expect(en[0][0]).to.equal("exporter");
    expect(en[0]).to.include("freight_idr");
  });

  it("writes each line for a BUMDes's own records", () => {
    const records: string[][] = parse(statementLinesCsv(LINES, "en"));
    expect(records).to.have.length(4);
    const total = records[0].indexOf("total_idr");
    expect(records.slice(1).reduce((a, r) => a + Number(r[total]), 0)).to.equal(2_400_000);
  });

  it("prints one escaped sheet per BUMDes, in Indonesian and English", () => {
    const id = statementHtml(LINES, { from: "2026-12-01", to: "2026-12-31" }, "id");
    expect(id).to.match(/^<!doctype html>/);
    expect(id).to.include("<title>Rincian biaya angkut BUMDes</title>");
    expect(id.match(/<section class="sheet">/g)).to.have.length(2);
    expect(id).to.include("BUMDes Maju &amp; Jaya &lt;1&gt;");
    expect(id).to.not.include("<1>");
    expect(id.replace(/\u00a0/g, " ")).to.include("Rp 1.600.000");
    expect(id).to.include("Penjemputan ");
    expect(id).to.not.include("<script");
    const one = statementHtml(LINES.slice(0, 2), {}, "en");
    expect(one).to.include("<title>Freight statement: BUMDes Maju &amp; Jaya &lt;1&gt;</title>");
    expect(one.replace(/\u00a0/g, " ")).to.include("IDR 1,600,000");
    expect(one).to.include("Every shipment in the current plan.");
  });
});
