import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "chai";
import { parseCvrplib, vehiclesFromName } from "../../../bench/parse/cvrplib.parser.js";

const DATA = resolve(__dirname, "../../../bench/data/cvrplib");

const tiny = (extraHeader = "", edge = "EUC_2D") =>
  [
    "NAME : T-n3-k2",
    "TYPE : CVRP",
    "DIMENSION : 3",
    `EDGE_WEIGHT_TYPE :\t${edge}\t`,
    "CAPACITY : 10",
    extraHeader,
    "NODE_COORD_SECTION",
    " 1 0 0",
    " 2 3 4",
    " 3 -6 8.5",
    "DEMAND_SECTION",
    "1 0",
    "2 7",
    "3 4",
    "DEPOT_SECTION",
    " 1",
    " -1",
    "EOF",
  ].join("\r\n");

describe("bench: CVRPLIB parser", () => {
  it("reads A-n32-k5 as published: capacity 100, 31 customers, depot node 1, k = 5", () => {
    const inst = parseCvrplib(readFileSync(`${DATA}/A/A-n32-k5.vrp`, "utf8"));
    expect(inst.name).to.equal("A-n32-k5");
    expect(inst.capacity).to.equal(100);
    expect(inst.vehicles).to.equal(5);
    expect(inst.depot).to.deep.equal({ id: 1, x: 82, y: 76, demand: 0 });
    expect(inst.customers).to.have.length(31);
    expect(inst.customers[0]).to.deep.equal({ id: 2, x: 96, y: 44, demand: 19 });
    // 5 trucks of 100 must carry all of it: the instance is tight (410 of 500).
    expect(inst.customers.reduce((s, c) => s + c.demand, 0)).to.equal(410);
  });

  it("reads CRLF files, tab-padded headers and decimal coordinates", () => {
    const inst = parseCvrplib(tiny());
    expect(inst.customers.map((c) => [c.id, c.x, c.y, c.demand])).to.deep.equal([
      [2, 3, 4, 7],
      [3, -6, 8.5, 4],
    ]);
  });

  it("refuses a route-length limit instead of silently dropping it", () => {
    expect(() => parseCvrplib(tiny("DISTANCE : 200"), "CMT6.vrp")).to.throw(/CMT6.vrp: DISTANCE/);
    expect(() => parseCvrplib(tiny("SERVICE_TIME : 10"))).to.throw(/SERVICE_TIME/);
  });

  it("refuses distances other than EUC_2D", () => {
    expect(() => parseCvrplib(tiny("", "EXPLICIT"))).to.throw(
      /EDGE_WEIGHT_TYPE must be EUC_2D, got "EXPLICIT"/,
    );
  });

  it("names the node that lacks a demand, and a DIMENSION that does not match", () => {
    expect(() => parseCvrplib(tiny().replace("\r\n3 4\r\n", "\r\n"))).to.throw(/node 3 has no demand/);
    expect(() => parseCvrplib(tiny().replace("DIMENSION : 3", "DIMENSION : 4"))).to.throw(
      /DIMENSION is 4 but 3/,
    );
  });

  it("takes the fleet size from the instance name", () => {
    expect(vehiclesFromName("X-n101-k25")).to.equal(25);
    expect(vehiclesFromName("CMT1")).to.equal(null);
  });
});
