/**
 * validateScenario refuses what the planner cannot use, naming each field and saying
 * what is allowed, and reports schema errors, record rules and references in one round.
 */
import { expect } from "chai";
import { LIMITS } from "../../../shared/core/model/fields.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { type FieldError, validateScenario } from "../../../shared/core/model/validate.js";
import { exampleScenario } from "../../integration/support/fixtures.js";

function errorsOf(change: (s: Scenario) => void): FieldError[] {
  const s = structuredClone(exampleScenario());
  change(s);
  const result = validateScenario(s);
  expect(result.ok, "expected the scenario to be refused").to.equal(false);
  return result.ok ? [] : result.errors;
}
const messageAt = (errors: FieldError[], path: string) => {
  const e = errors.find((x) => x.path === path);
  expect(e, `no error at ${path}: ${JSON.stringify(errors)}`).to.not.equal(undefined);
  return e!.message;
};

describe("validateScenario", () => {
  it("accepts the spec's example", () => {
    expect(validateScenario(exampleScenario()).ok).to.equal(true);
  });

  it("refuses instants that are not on the calendar: 30 February, 25:00", () => {
    const errors = errorsOf((s) => {
      s.sailings![0].departure = "2027-02-30T20:00:00+08:00";
      s.shipments[0].readyAt = "2027-01-03T25:00:00+08:00";
    });
    expect(messageAt(errors, "sailings[0].departure")).to.match(/^is not a real date and time/);
    expect(messageAt(errors, "shipments[0].readyAt")).to.match(/^is not a real date and time/);
  });

  it("refuses a shipment ready after its sailBy, and a cut-off after the departure", () => {
    const errors = errorsOf((s) => {
      s.shipments[0].readyAt = "2027-01-05T08:00:00+08:00";
      s.shipments[0].sailBy = "2027-01-04T08:00:00+08:00";
      s.sailings![0].departure = "2027-01-03T10:00:00+08:00";
      s.sailings![0].cutoff = "2027-01-03T12:00:00+08:00";
    });
    expect(messageAt(errors, "shipments[0].sailBy")).to.match(/at or after readyAt/);
    expect(messageAt(errors, "sailings[0].cutoff")).to.match(/at or before the departure/);
  });

  it("refuses numbers that overflow sums or columns, naming the limit", () => {
    const errors = errorsOf((s) => {
      s.shipments[0].weightKg = 1e308;
      s.shipments[1].packages = 2147483648;
      s.sailings![0].maxContainers = 2147483648;
      s.depots[0].fleet = { [s.containerTypes[0].id]: 1e9 };
    });
    expect(messageAt(errors, "shipments[0].weightKg")).to.equal(`must be <= ${LIMITS.weightKg}`);
    expect(messageAt(errors, "shipments[1].packages")).to.equal(`must be <= ${LIMITS.packages}`);
    expect(messageAt(errors, "sailings[0].maxContainers")).to.equal(`must be <= ${LIMITS.count}`);
    expect(messageAt(errors, `depots[0].fleet.${exampleScenario().containerTypes[0].id}`)).to.equal(
      `must be <= ${LIMITS.count}`,
    );
  });

  it("refuses control characters, over-long ids and texts, blank ids", () => {
    const errors = errorsOf((s) => {
      s.shipments[0].product = "kopi\u0000";
      s.villages[0].name = "Desa\nBaru";
      s.shipments[1].id = "X".repeat(LIMITS.idLength + 1);
      s.shipments[2].product = "p".repeat(LIMITS.textLength + 1);
      s.shipments[3].id = "   ";
    });
    expect(messageAt(errors, "shipments[0].product")).to.match(/control characters/);
    expect(messageAt(errors, "villages[0].name")).to.match(/control characters/);
    expect(messageAt(errors, "shipments[1].id")).to.equal(`must be at most ${LIMITS.idLength} characters`);
    expect(messageAt(errors, "shipments[2].product")).to.equal(
      `must be at most ${LIMITS.textLength} characters`,
    );
    expect(messageAt(errors, "shipments[3].id")).to.equal("must not be blank");
  });

  it("reports field errors, record rules and unknown references together", () => {
    const errors = errorsOf((s) => {
      s.shipments[0].weightKg = -1;
      s.shipments[1].village = "ghost";
      s.villages[0].pickupWindows = [{ open: "11:00", close: "07:00" }];
      s.sailings![0].port = "XXNOP";
      delete (s.villages[1] as { lat?: number }).lat;
    });
    expect(messageAt(errors, "shipments[0].weightKg")).to.equal("must be > 0");
    expect(messageAt(errors, "shipments[1].village")).to.equal('unknown village "ghost"');
    expect(messageAt(errors, "villages[0].pickupWindows[0].close")).to.match(/must be after open/);
    expect(messageAt(errors, "sailings[0].port")).to.equal('unknown port "XXNOP"');
    expect(messageAt(errors, "villages[1].lat")).to.equal('is required when travel.metric is "road"');
  });

  it("does not repeat a schema error as a rule error", () => {
    const errors = errorsOf((s) => {
      (s.shipments[0] as { village: unknown }).village = 42;
      s.sailings![0].cutoff = "soon";
    });
    expect(errors.filter((e) => e.path === "shipments[0].village")).to.have.length(1);
    expect(errors.filter((e) => e.path === "sailings[0].cutoff")).to.have.length(1);
  });
});
