/**
 * Issue 7's bad data, each as a user sent it: refused at write time with the planner's
 * own rules (400 naming the field and what is allowed, 422 for a reference to nothing),
 * every table left exactly as it was, and afterwards the dashboard and a plan still work.
 */
import { expect } from "chai";
import { loadScenario } from "../../services/seed/demo-data.js";
import { snapshotTables, tableChanges } from "./support/db-snapshot.js";
import { exampleScenario } from "./support/fixtures.js";
import { planChecked } from "./support/plan-run.js";
import { type Stack, startStack } from "./support/stack.js";

interface FieldError {
  path: string;
  message: string;
}

describe("validation at write time (PostgreSQL)", function () {
  this.timeout(120000);
  let stack: Stack;
  const scenario = exampleScenario();
  const village = scenario.villages[0];
  const port = scenario.ports[0].id;
  const call = (
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; type?: string } = {},
  ) => stack.client.call(method, path, { key: stack.key, ...options });

  before(async () => {
    stack = await startStack({ queue: "in-process", name: "write-validation" });
    await loadScenario(stack.runtime.deps.dataSource, scenario);
  });
  after(async () => {
    await stack?.close();
  });

  /** Send a request that must be refused; nothing may change; returns its errors. */
  async function refused(
    status: number,
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; type?: string },
  ): Promise<FieldError[]> {
    const before = await snapshotTables(stack.runtime.deps.dataSource);
    const res = await call(method, path, options);
    expect(res.status, `${method} ${path}: ${res.text.slice(0, 500)}`).to.equal(status);
    expect(res.body.errors, res.text.slice(0, 500)).to.be.an("array").that.is.not.empty;
    expect(tableChanges(before, await snapshotTables(stack.runtime.deps.dataSource))).to.deep.equal({});
    return res.body.errors;
  }
  const at = (errors: FieldError[], path: string) => {
    const e = errors.find((x) => x.path === path);
    expect(e, `no error at ${path}: ${JSON.stringify(errors)}`).to.not.equal(undefined);
    return e!.message;
  };

  describe("real calendar instants", () => {
    it("refuses a sailing departing on 30 February", async () => {
      const errors = await refused(400, "POST", "/v1/sailings", {
        json: {
          id: "S-FEB30",
          port,
          departure: "2027-02-30T20:00:00+08:00",
          cutoff: "2027-02-27T10:00:00+08:00",
        },
      });
      expect(at(errors, "departure")).to.match(/not a real date/);
    });
    it("refuses a shipment ready on 30 February, or at 25:00", async () => {
      const feb = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 10, readyAt: "2027-02-30T08:00:00+08:00" },
      });
      expect(at(feb, "readyAt")).to.match(/not a real date/);
      const hour = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 10, readyAt: "2027-01-03T25:00:00+08:00" },
      });
      expect(at(hour, "readyAt")).to.match(/not a real date/);
    });
    it("refuses a cut-off after the departure, on POST and PUT", async () => {
      const json = { port, departure: "2027-01-03T10:00:00+08:00", cutoff: "2027-01-03T12:00:00+08:00" };
      const post = await refused(400, "POST", "/v1/sailings", { json: { id: "S-LATE", ...json } });
      expect(at(post, "cutoff")).to.match(/at or before the departure/);
      const put = await refused(400, "PUT", "/v1/sailings/S-LATE", { json });
      expect(at(put, "cutoff")).to.match(/at or before the departure/);
    });
    it("refuses a shipment ready after it must sail", async () => {
      const errors = await refused(400, "POST", "/v1/shipments", {
        json: {
          village: village.id,
          weightKg: 10,
          readyAt: "2027-01-05T08:00:00+08:00",
          sailBy: "2027-01-04T08:00:00+08:00",
        },
      });
      expect(at(errors, "sailBy")).to.match(/at or after readyAt/);
    });
  });

  describe("villages the planner can use", () => {
    it("refuses a pickup window that closes before it opens", async () => {
      const errors = await refused(400, "POST", "/v1/villages", {
        json: { ...village, id: "V-NIGHT", pickupWindows: [{ open: "11:00", close: "07:00" }] },
      });
      expect(at(errors, "pickupWindows[0].close")).to.match(/after open/);
    });
    it("refuses a village without the coordinates the road metric needs", async () => {
      const { lat: _lat, lon: _lon, ...noCoordinates } = village;
      const errors = await refused(400, "POST", "/v1/villages", {
        json: { ...noCoordinates, id: "V-NOWHERE" },
      });
      expect(at(errors, "lat")).to.match(/road/);
      expect(at(errors, "lon")).to.match(/road/);
    });
  });

  describe("values the columns can hold", () => {
    it("refuses packages and maxContainers of 2147483648, and weightKg 1e308", async () => {
      const packages = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 10, packages: 2147483648 },
      });
      expect(at(packages, "packages")).to.match(/<= /);
      const sailing = await refused(400, "POST", "/v1/sailings", {
        json: {
          id: "S-BIG",
          port,
          departure: "2027-01-03T10:00:00+08:00",
          cutoff: "2027-01-03T08:00:00+08:00",
          maxContainers: 2147483648,
        },
      });
      expect(at(sailing, "maxContainers")).to.match(/<= /);
      const weight = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 1e308 },
      });
      expect(at(weight, "weightKg")).to.match(/<= /);
    });
    it("refuses a NUL or other control character in any text", async () => {
      const product = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 10, product: "kopi\u0000arabika" },
      });
      expect(at(product, "product")).to.match(/control character/);
      const name = await refused(400, "PUT", `/v1/villages/${village.id}`, {
        json: { ...village, name: "Desa\u0007" },
      });
      expect(at(name, "name")).to.match(/control character/);
    });
    it("refuses an id of 2,700 characters and a product name of 300", async () => {
      const id = await refused(400, "POST", "/v1/shipments", {
        json: { id: "X".repeat(2700), village: village.id, weightKg: 10 },
      });
      expect(at(id, "id")).to.match(/at most \d+ characters/);
      const long = await refused(400, "POST", "/v1/shipments", {
        json: { village: village.id, weightKg: 10, product: "p".repeat(300) },
      });
      expect(at(long, "product")).to.match(/at most \d+ characters/);
    });
  });

  describe("CSV import", () => {
    const header = "id,village,product,weightKg";
    it("refuses a hexadecimal number such as 0x10", async () => {
      const errors = await refused(400, "POST", "/v1/shipments/import", {
        type: "text/csv",
        raw: `${header}\nHEX-1,${village.id},coffee,0x10\n`,
      });
      expect(at(errors, "rows[0].weightKg")).to.match(/decimal number/);
    });
    it("refuses a column given twice, naming it", async () => {
      const errors = await refused(400, "POST", "/v1/shipments/import", {
        type: "text/csv",
        raw: `id,village,weightKg,weightKg\nDUP-1,${village.id},10,20\n`,
      });
      expect(at(errors, "(header)")).to.match(/weightKg/);
    });
    it("refuses a NUL in a cell", async () => {
      const errors = await refused(400, "POST", "/v1/shipments/import", {
        type: "text/csv",
        raw: `${header}\nNUL-1,${village.id},cof\u0000fee,10\n`,
      });
      expect(at(errors, "rows[0].product")).to.match(/control character/);
    });
  });

  describe("access keys", () => {
    it("refuses a BUMDes key for a village that does not exist", async () => {
      const errors = await refused(422, "POST", "/v1/keys", {
        json: { role: "bumdes", villages: [village.id, "ghost"] },
      });
      expect(at(errors, "villages[1]")).to.match(/unknown village "ghost"/);
    });
    it("refuses an exporter key with a blank exporter", async () => {
      const errors = await refused(400, "POST", "/v1/keys", { json: { role: "exporter", exporter: "   " } });
      expect(at(errors, "exporter")).to.match(/blank/);
    });
  });

  describe("planning settings, validated whole", () => {
    it("refuses the matrix metric, which no stored place can give", async () => {
      const errors = await refused(400, "PUT", "/v1/settings/planning", {
        json: { travel: { metric: "matrix" } },
      });
      expect(at(errors, "travel.metric")).to.match(/road|euclidean/);
    });
    it("refuses an unknown nested key instead of wiping the travel settings", async () => {
      const errors = await refused(400, "PUT", "/v1/settings/planning", { json: { travel: { warp: 9 } } });
      expect(at(errors, "travel")).to.match(/warp/);
      expect((await call("GET", "/v1/settings/planning")).body.travel).to.deep.equal(scenario.travel);
    });
  });

  describe("planning settings and stored places", () => {
    it("refuses a metric whose coordinates the stored places lack, naming them", async () => {
      const errors = await refused(409, "PUT", "/v1/settings/planning", {
        json: { travel: { metric: "euclidean" } },
      });
      expect(at(errors, "travel.metric"))
        .to.match(/x and y/)
        .and.to.contain(scenario.villages[0].id);
    });
  });

  describe("errors in one round", () => {
    it("reports field errors and unknown references of a batch together", async () => {
      const errors = await refused(400, "POST", "/v1/shipments/batch", {
        json: {
          shipments: [
            { village: village.id, weightKg: -1 },
            { village: "ghost", weightKg: 10 },
          ],
        },
      });
      expect(at(errors, "shipments[0].weightKg")).to.equal("must be > 0");
      expect(at(errors, "shipments[1].village")).to.equal('unknown village "ghost"');
    });
    it("reports a sailing's bad field and its unknown port together", async () => {
      const errors = await refused(400, "POST", "/v1/sailings", {
        json: { id: "S-TWO", port: "XXNOP", departure: "soon", cutoff: "2027-01-03T08:00:00+08:00" },
      });
      at(errors, "departure");
      expect(at(errors, "port")).to.equal('unknown port "XXNOP"');
    });
  });

  describe("afterwards", () => {
    it("still serves the dashboard and plans afterwards; the plan passes the checker", async () => {
      expect((await call("GET", "/web/data/dashboard")).status).to.equal(200);
      await planChecked(stack.client, stack.key, { region: "Kalimantan", horizon: scenario.horizon });
    });
  });
});
