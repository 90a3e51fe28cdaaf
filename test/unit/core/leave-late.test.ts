/**
 * When a truck leaves its depot (rules/leave-late.ts): as late as still loads its last stop
 * when the earliest departure would, so a stop ready early is not loaded days before the
 * truck has to move on, and nobody waits loaded at a village. Legs are euclidean, worked out
 * by hand: minutes equal kilometres.
 */
import { expect } from "chai";
import { checkPlan } from "../../../shared/core/check/check-plan.js";
import { assignLateShipment } from "../../../shared/core/late/late-options.js";
import { latestDeparture } from "../../../shared/core/rules/leave-late.js";
import { compileWindows } from "../../../shared/core/rules/time-windows.js";
import { containerOf, ms, planOf, tiny } from "./core-fixtures.js";

const WED_0800 = "2026-12-09T08:00:00+07:00";
const minutes = (iso: string) => ms(iso) / 60000;

describe("leaving the depot late enough that no one waits loaded", () => {
  // V (30,40) and W (30,-40): D -> V 50 km, V -> W 80 km, W -> P (30,-60) 20 km; V -> W -> P
  // is the cheaper order (V last would mean 100 km to the port). Both load 06:00-18:00 WIB for
  // 20 minutes; V's goods are ready from Monday, W's only on Wednesday at 08:00.
  const windows = [{ open: "06:00", close: "18:00" }];
  const week = () =>
    tiny({
      ports: [{ id: "P", x: 30, y: -60, timeZone: "Asia/Jakarta" }],
      villages: [
        { id: "V", x: 30, y: 40, timeZone: "Asia/Jakarta", pickupWindows: windows, serviceMinutes: 20 },
        { id: "W", x: 30, y: -40, timeZone: "Asia/Jakarta", pickupWindows: windows, serviceMinutes: 20 },
      ],
      shipments: [
        { id: "a", village: "V", weightKg: 500 },
        { id: "b", village: "W", weightKg: 500, readyAt: WED_0800 },
      ],
    });

  it("loads the early village on the morning the truck goes on, not two days before", () => {
    const c = containerOf(planOf(week()), "a");
    expect(c.stops.map((s) => s.village)).to.deep.equal(["V", "W"]);
    // W loads at 08:00 on Wednesday as before; V as late as still reaches it: 08:00 - 80 - 20.
    expect(c.stops.map((s) => [s.arrival, s.loadStart, s.departure])).to.deep.equal([
      ["2026-12-09T06:20:00+07:00", "2026-12-09T06:20:00+07:00", "2026-12-09T06:40:00+07:00"],
      ["2026-12-09T08:00:00+07:00", "2026-12-09T08:00:00+07:00", "2026-12-09T08:20:00+07:00"],
    ]);
    expect(c.departDepot).to.equal("2026-12-09T05:30:00+07:00");
    // the port arrival, and so the sailing, are what the earliest departure gives
    expect(c.portArrival).to.equal("2026-12-09T08:40:00+07:00");
  });

  it("keeps a wait the windows force: the early village closes before the truck could come", () => {
    const s = week();
    s.villages[0].pickupWindows = [{ open: "06:00", close: "07:00" }];
    s.villages[1].pickupWindows = [{ open: "06:00", close: "18:00" }];
    const c = containerOf(planOf(s), "a");
    // V open only 06:00-07:00: 06:20 on Wednesday (the latest that still reaches W at 08:00) is inside it.
    expect(c.stops[0].loadStart).to.equal("2026-12-09T06:20:00+07:00");
    s.villages[0].pickupWindows = [{ open: "14:00", close: "15:00" }];
    const d = containerOf(planOf(s), "a");
    // V's last window before Wednesday 06:20 is Tuesday 14:00-15:00: it loads at 14:40, done when
    // the village closes (not starting at 15:00, which the rule allows), and the truck waits at W
    // from 16:20 overnight (15 h 40 min): nothing later reaches W by 08:00.
    expect(d.stops[0].loadStart).to.equal("2026-12-08T14:40:00+07:00");
    expect(d.stops[0].departure).to.equal("2026-12-08T15:00:00+07:00");
    expect(d.stops[1].loadStart).to.equal(WED_0800);
    expect(ms(d.stops[1].loadStart) - ms(d.stops[1].arrival)).to.equal((15 * 60 + 40) * 60000);
    // A window shorter than the loading: it starts at the opening, the earliest it can.
    s.villages[0].pickupWindows = [{ open: "14:00", close: "14:10" }];
    expect(containerOf(planOf(s), "a").stops[0].loadStart).to.equal("2026-12-08T14:00:00+07:00");
  });

  it("a late shipment keeps every promised pickup in its window, even where the trip would leave earlier", () => {
    const s = week();
    const plan = planOf(s);
    const before = containerOf(plan, "a");
    // X (60,0) lies between V and W: 50 + 50 km instead of 80, the cheapest place for it, but
    // V would then have to load 40 minutes before 06:20 on Wednesday, in Tuesday's window.
    s.villages.push({
      id: "X",
      x: 60,
      y: 0,
      timeZone: "Asia/Jakarta",
      pickupWindows: windows,
      serviceMinutes: 20,
    });
    s.shipments.push({ id: "late", village: "X", weightKg: 100 });
    plan.unassigned.push({
      shipment: "late",
      packages: 1,
      reason: "NO_CONTAINER",
      detail: "Registered after planning.",
    });
    plan.summary.unassignedWeightKg += 100;
    const r = assignLateShipment(s, plan, "late", before.id);
    if (!r.ok) throw new Error(r.reason);
    expect(checkPlan(s, r.plan)).to.deep.equal([]);
    const after = r.plan.containers.find((c) => c.id === before.id)!;
    // X goes first instead (D -> X 60, X -> V 50: 60 km more), and V still loads on Wednesday.
    expect(after.stops.map((st) => st.village)).to.deep.equal(["X", "V", "W"]);
    expect(after.distanceKm - before.distanceKm).to.be.closeTo(60, 1e-9);
    expect(after.stops[1].loadStart).to.equal("2026-12-09T06:00:00+07:00");
  });

  it("walks back stop by stop, keeps a promised pickup in its window, and gives up where the zone's offset changes", () => {
    const start = minutes("2026-12-07T00:00:00+07:00");
    const end = minutes("2026-12-14T00:00:00+07:00");
    const wib = compileWindows([{ open: "06:00", close: "18:00" }], "Asia/Jakarta", start, end);
    const stops = [
      { windows: wib, serviceMin: 20, loadStart: minutes("2026-12-07T06:00:00+07:00") },
      { windows: wib, serviceMin: 20, loadStart: minutes(WED_0800) },
    ];
    expect(latestDeparture(stops, [50, 80])).to.equal(minutes("2026-12-09T05:30:00+07:00"));
    // promised before: the first stop may load no later than Monday 18:00
    const promised = [{ ...stops[0], latestLoad: minutes("2026-12-07T18:00:00+07:00") }, stops[1]];
    expect(latestDeparture(promised, [50, 80])).to.equal(minutes("2026-12-07T17:10:00+07:00"));
    // Amsterdam changes its offset in the spring: no fixed offset to walk back with
    const ams = compileWindows(
      [{ open: "06:00", close: "18:00" }],
      "Europe/Amsterdam",
      start,
      start + 200 * 1440,
    );
    expect(ams.offsetMin).to.equal(null);
    expect(latestDeparture([{ ...stops[0], windows: ams }, stops[1]], [50, 80])).to.equal(null);
    expect(latestDeparture([], [])).to.equal(null);
  });
});
