import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import type { Plan } from "../../../shared/core/model/plan.js";
import type { Scenario } from "../../../shared/core/model/scenario.js";
import { checkMutated, expectOnly, rulesOf } from "./check-expect.js";
import { container, shipment } from "./check-fixtures.js";

describe("checkPlan: time", () => {
  it("DEPART_BEFORE_HORIZON", () => {
    const v = checkMutated((s) => {
      s.horizon = { start: "2026-12-07T08:00:00+07:00", end: "2026-12-14T00:00:00+07:00" };
    });
    expectOnly(v, "DEPART_BEFORE_HORIZON");
    // CNT-001 07:10, CNT-003 06:20 WIB, CNT-004 07:00 leave before 08:00 WIB; CNT-002 leaves 08:10.
    expect(v.map((x) => x.container).sort()).to.deep.equal(["CNT-001", "CNT-003", "CNT-004"]);
  });

  it("ARRIVAL_TIME: arrival must be previous departure + travel", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-001").stops[0].arrival = "2026-12-07T07:55:00+07:00";
    });
    expectOnly(v, "ARRIVAL_TIME");
  });

  it("ARRIVAL_TIME: within the 1-minute tolerance is fine, beyond it is not", () => {
    expect(
      checkMutated((_s, p) => {
        container(p, "CNT-001").stops[1].arrival = "2026-12-07T09:09:20+07:00";
      }),
    ).to.deep.equal([]);
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-001").stops[1].arrival = "2026-12-07T09:08:30+07:00";
      }),
      "ARRIVAL_TIME",
    );
  });

  it("LOAD_BEFORE_ARRIVAL", () => {
    expectOnly(
      checkMutated((_s, p) => {
        const c = container(p, "CNT-004");
        c.stops[0].loadStart = "2026-12-07T07:20:00+07:00";
        c.stops[0].departure = "2026-12-07T07:40:00+07:00";
        c.portArrival = "2026-12-07T09:05:00+07:00";
      }),
      "LOAD_BEFORE_ARRIVAL",
    );
  });

  it("OUTSIDE_WINDOW: loading at 07:00 WIB where pickups open at 08:00", () => {
    const v = checkMutated((_s, p) => {
      const c = container(p, "CNT-001");
      c.departDepot = "2026-12-07T06:10:00+07:00";
      c.stops[0] = {
        ...c.stops[0],
        arrival: "2026-12-07T07:00:00+07:00",
        loadStart: "2026-12-07T07:00:00+07:00",
        departure: "2026-12-07T07:30:00+07:00",
      };
      c.stops[1] = {
        ...c.stops[1],
        arrival: "2026-12-07T08:10:00+07:00",
        loadStart: "2026-12-07T08:10:00+07:00",
        departure: "2026-12-07T08:30:00+07:00",
      };
      c.portArrival = "2026-12-07T09:55:00+07:00";
    });
    expectOnly(v, "OUTSIDE_WINDOW");
    expect(v[0].message).to.contain("08:00-12:00");
  });

  it("OUTSIDE_WINDOW: at the lunch break between two windows, on a later day", () => {
    expectOnly(
      checkMutated((_s, p) => {
        const c = container(p, "CNT-002");
        c.departDepot = "2026-12-08T11:40:00+07:00";
        c.stops[0] = {
          ...c.stops[0],
          arrival: "2026-12-08T12:30:00+07:00",
          loadStart: "2026-12-08T12:30:00+07:00",
          departure: "2026-12-08T13:00:00+07:00",
        };
        c.portArrival = "2026-12-08T14:25:00+07:00";
      }),
      "OUTSIDE_WINDOW",
    );
  });

  it("windows are read in the village's own zone: 08:00 WITA is 07:00 WIB", () => {
    const v = checkMutated((s) => {
      s.villages[2].timeZone = "Asia/Jakarta"; // V3 claimed to be on WIB: 08:00+08:00 is 07:00 there
    });
    expect(rulesOf(v)).to.include("OUTSIDE_WINDOW");
    expect(rulesOf(v)).to.include("INSTANT_OFFSET"); // and the plan wrote its times in +08:00
  });

  it("BEFORE_READY: loading before the shipment's readyAt", () => {
    const v = checkMutated((s) => {
      shipment(s, "SH3").readyAt = "2026-12-07T09:30:00+07:00";
    });
    expectOnly(v, "BEFORE_READY");
    expect(v[0].shipment).to.equal("SH3");
  });

  it("DEPARTURE_TIME: departure = loading start + serviceMinutes", () => {
    const v = checkMutated((s) => {
      s.villages[0].serviceMinutes = 20;
    });
    expectOnly(v, "DEPARTURE_TIME");
    expect(v.map((x) => x.container).sort()).to.deep.equal(["CNT-001", "CNT-002"]);
  });

  it("PORT_ARRIVAL_TIME: last departure + travel", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-002").portArrival = "2026-12-07T11:30:00+07:00";
      }),
      "PORT_ARRIVAL_TIME",
    );
  });

  it("INSTANT_OFFSET: the same instant written in another zone's offset", () => {
    const v = checkMutated((_s, p) => {
      container(p, "CNT-003").departDepot = "2026-12-07T06:20:00+07:00";
    });
    expectOnly(v, "INSTANT_OFFSET");
  });

  it("BAD_INSTANT: unreadable, or a local time without an offset", () => {
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-002").portArrival = "tomorrow";
      }),
      "BAD_INSTANT",
    );
    expectOnly(
      checkMutated((_s, p) => {
        container(p, "CNT-002").stops[0].loadStart = "2026-12-07T09:00:00";
      }),
      "BAD_INSTANT",
    );
  });
});

/** One village, no zone of its own, window 08:00-10:00; one truck loading at 08:30 +08:00. */
function zonelessWeek(horizonStart: string | undefined): { scenario: Scenario; plan: Plan } {
  const scenario: Scenario = {
    ...(horizonStart ? { horizon: { start: horizonStart, end: "2026-12-14T00:00:00+08:00" } } : {}),
    travel: { metric: "euclidean" },
    containerTypes: [{ id: "C3T", maxWeightKg: 3000, maxVolumeM3: 14 }],
    depots: [{ id: "D", x: 0, y: 0 }],
    ports: [{ id: "P", x: 0, y: 20 }],
    villages: [{ id: "V", x: 0, y: 10, pickupWindows: [{ open: "08:00", close: "10:00" }] }],
    shipments: [{ id: "S", village: "V", weightKg: 100 }],
  };
  const plan: Plan = {
    containers: [
      {
        id: "C1",
        type: "C3T",
        depot: "D",
        port: "P",
        departDepot: "2026-12-07T08:20:00+08:00",
        stops: [
          {
            village: "V",
            arrival: "2026-12-07T08:30:00+08:00",
            loadStart: "2026-12-07T08:30:00+08:00",
            departure: "2026-12-07T08:30:00+08:00",
            load: [{ shipment: "S", packages: 1, weightKg: 100, volumeM3: 0 }],
          },
        ],
        portArrival: "2026-12-07T08:40:00+08:00",
        distanceKm: 20,
        cost: 20, // defaults: fixedCost 0, costPerKm 1
        weightKg: 100,
        volumeM3: 0,
      },
    ],
    charges: [{ shipment: "S", container: "C1", packages: 1, truck: 20, freight: 0 }],
    unassigned: [],
    summary: {
      containers: 1,
      distanceKm: 20,
      cost: 20,
      assignedWeightKg: 100,
      unassignedWeightKg: 0,
      meanWeightFill: 100 / 3000,
      meanVolumeFill: 0,
      lowerBoundContainers: 1,
      solveMs: 0,
    },
  };
  return { scenario, plan };
}

describe("checkPlan: a village without timeZone", () => {
  it("reads its windows in the offset of horizon.start (+08:00 here)", () => {
    const { scenario, plan } = zonelessWeek("2026-12-07T00:00:00+08:00");
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
  });

  it("so 08:30 +08:00 is 00:30 in a week written in UTC: outside 08:00-10:00", () => {
    const { scenario, plan } = zonelessWeek("2026-12-07T00:00:00Z");
    expectOnly(checkPlan(scenario, plan), "OUTSIDE_WINDOW");
  });

  it("and in UTC when there is no horizon", () => {
    const { scenario, plan } = zonelessWeek(undefined);
    expectOnly(checkPlan(scenario, plan), "OUTSIDE_WINDOW");
  });

  it("a window ending at 24:00 accepts local midnight", () => {
    const { scenario, plan } = zonelessWeek("2026-12-06T00:00:00+08:00");
    scenario.villages[0].pickupWindows = [{ open: "22:00", close: "24:00" }];
    const c = plan.containers[0];
    c.departDepot = "2026-12-06T23:50:00+08:00";
    c.stops[0] = {
      ...c.stops[0],
      arrival: "2026-12-07T00:00:00+08:00",
      loadStart: "2026-12-07T00:00:00+08:00",
      departure: "2026-12-07T00:00:00+08:00",
    };
    c.portArrival = "2026-12-07T00:10:00+08:00";
    expect(checkPlan(scenario, plan)).to.deep.equal([]);
    c.stops[0] = {
      ...c.stops[0],
      loadStart: "2026-12-07T00:05:00+08:00",
      departure: "2026-12-07T00:05:00+08:00",
    };
    c.portArrival = "2026-12-07T00:15:00+08:00";
    expectOnly(checkPlan(scenario, plan), "OUTSIDE_WINDOW");
  });
});
