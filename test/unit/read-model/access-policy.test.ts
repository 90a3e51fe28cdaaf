/**
 * The one read policy per role, on the views' fixture week: who sees which shipment,
 * container and box, and the SQL twin of each rule (its parameters never collide).
 */
import { expect } from "chai";
import {
  boxSql,
  containerSql,
  type Principal,
  policyFor,
  seesBox,
  seesContainer,
} from "../../../services/read-model/access-policy.js";
import { fixtureScenario } from "../views/fixtures.js";

const key = (p: Partial<Principal> & Pick<Principal, "role">): Principal => ({
  keyId: "k",
  villages: [],
  exporter: null,
  ...p,
});

describe("read-model/access-policy", () => {
  const shipments = fixtureScenario().shipments; // S1 vA EXP-A, S2 vB EXP-B, S3 vQ EXP-B, S4 vP EXP-A
  const seen = (p: Principal) =>
    shipments
      .filter((s) => policyFor(p).seesShipment({ village: s.village, exporter: s.exporter }))
      .map((s) => s.id);

  it("lets a coordinator see every shipment, a BUMDes its villages', an exporter its own", () => {
    expect(seen(key({ role: "coordinator" }))).to.deep.equal(["S1", "S2", "S3", "S4"]);
    expect(seen(key({ role: "bumdes", villages: ["vA", "vP"] }))).to.deep.equal(["S1", "S4"]);
    expect(seen(key({ role: "exporter", exporter: "EXP-B" }))).to.deep.equal(["S2", "S3"]);
  });

  it("shows nothing to a key that names no village or no exporter", () => {
    expect(seen(key({ role: "bumdes", villages: [] }))).to.deep.equal([]);
    expect(seen(key({ role: "exporter", exporter: null }))).to.deep.equal([]);
    expect(seen(key({ role: "exporter", exporter: "" }))).to.deep.equal([]);
    // a shipment without an exporter belongs to no exporter key
    expect(policyFor(key({ role: "exporter", exporter: "EXP-B" })).seesShipment({ village: "vB" })).to.equal(
      false,
    );
  });

  it("derives containers from shipments and boxes from containers", () => {
    const bumdes = policyFor(key({ role: "bumdes", villages: ["vA"] }));
    const inC1 = [shipments[0], shipments[1]];
    const inC2 = [shipments[3]];
    expect(seesContainer(bumdes, inC1)).to.equal(true);
    expect(seesContainer(bumdes, inC2)).to.equal(false);
    expect(seesBox(bumdes, [seesContainer(bumdes, inC2), seesContainer(bumdes, inC1)])).to.equal(true);
    expect(seesBox(bumdes, [false, false])).to.equal(false);
    expect(seesBox(policyFor(key({ role: "coordinator" })), [])).to.equal(true);
  });

  it("keeps pickups to BUMDes of the village and coordinators, and jobs to their owner", () => {
    const bumdes = policyFor(key({ role: "bumdes", villages: ["vA"], keyId: "b" }));
    const exporter = policyFor(key({ role: "exporter", exporter: "EXP-A", keyId: "e" }));
    expect([
      bumdes.readsPickups,
      bumdes.seesVillagePickups("vA"),
      bumdes.seesVillagePickups("vB"),
    ]).to.deep.equal([true, true, false]);
    expect(exporter.readsPickups).to.equal(false);
    expect([bumdes.seesJob("b"), bumdes.seesJob("e"), bumdes.seesJob(null)]).to.deep.equal([
      true,
      false,
      false,
    ]);
    expect(policyFor(key({ role: "coordinator" })).seesJob(null)).to.equal(true);
  });

  it("writes each rule as SQL with parameter names that never collide", () => {
    const bumdes = policyFor(key({ role: "bumdes", villages: ["vA", "vB"] }));
    const a = bumdes.shipmentSql("s");
    const b = bumdes.shipmentSql("s");
    expect(a.sql).to.match(/^s\."village" IN \(:\.\.\.villages_\d+\)$/);
    expect(Object.keys(a.params)).to.not.deep.equal(Object.keys(b.params));
    expect(Object.values(a.params)).to.deep.equal([["vA", "vB"]]);
    const c = containerSql(bumdes, 'c."id"');
    expect(c.sql).to.match(/^EXISTS \(SELECT 1 FROM "container_load" .* = c\."id" AND .*\)$/);
    expect(containerSql(policyFor(key({ role: "coordinator" })), 'c."id"').sql).to.equal("TRUE");
    const box = boxSql(bumdes, 'b."id"');
    expect(box.sql).to.match(
      /^EXISTS \(SELECT 1 FROM "box_container" (bc_\d+) WHERE \1\."boxId" = b\."id" AND EXISTS/,
    );
    expect(Object.values(box.params)).to.deep.equal([["vA", "vB"]]);
    expect(policyFor(key({ role: "exporter" })).shipmentSql("s").sql).to.equal("FALSE");
  });
});
