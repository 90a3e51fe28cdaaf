/**
 * The generator itself: valid, reproducible, and (over a few hundred seeds) covering
 * every feature the property tests are meant to exercise. Cheap: no solving here.
 */
import { expect } from "chai";
import { validateScenario } from "../../shared/core/model/validate.js";
import { randomScenario } from "../support/random-scenario.js";

describe("randomScenario (test generator)", () => {
  const scenarios = Array.from({ length: 300 }, (_, seed) => randomScenario(seed, 1 + (seed % 15)));

  it("always produces a scenario that validateScenario accepts", () => {
    for (const s of scenarios) expect(validateScenario(s).ok, s.id).to.equal(true);
  });

  it("is reproducible: same seed and size, same scenario; another seed, another", () => {
    expect(randomScenario(42, 10)).to.deep.equal(randomScenario(42, 10));
    expect(randomScenario(42, 10)).to.not.deep.equal(randomScenario(43, 10));
    expect(randomScenario(7, 9).shipments).to.have.length(9);
  });

  it("covers every feature across seeds", () => {
    const seen = new Set<string>();
    const mark = (flag: string, when: boolean) => when && seen.add(flag);
    for (const s of scenarios) {
      mark(`metric:${s.travel?.metric ?? "road"}`, true);
      mark("matrix-without-minutes", s.travel?.matrix !== undefined && s.travel.matrix.minutes === undefined);
      mark("no-horizon", s.horizon === undefined);
      mark(
        "reefer-type",
        s.containerTypes.some((t) => t.reefer),
      );
      mark("no-reefer-type", !s.containerTypes.some((t) => t.reefer));
      mark("several-types", s.containerTypes.length >= 2);
      mark(
        "default-costs",
        s.containerTypes.some((t) => t.costPerKm === undefined),
      );
      mark(
        "fleet-limited",
        s.depots.some((d) => d.fleet !== undefined),
      );
      mark(
        "fleet-unlimited",
        s.depots.some((d) => d.fleet === undefined),
      );
      mark(
        "fleet-type-missing",
        s.depots.some((d) => d.fleet && s.containerTypes.some((t) => !(t.id in d.fleet!))),
      );
      mark(`depots:${s.depots.length}`, true);
      mark("ports-on-two-islands", new Set(s.ports.map((p) => p.island)).size === 2);
      mark(
        "village-island-without-port",
        s.villages.some((v) => v.island && !s.ports.some((p) => p.island === v.island)),
      );
      mark(
        "port-without-sailings",
        s.ports.some((p) => !(s.sailings ?? []).some((sl) => sl.port === p.id)),
      );
      mark(
        "sailing-destinations",
        (s.sailings ?? []).some((sl) => sl.destinations),
      );
      mark(
        "sailing-max-containers",
        (s.sailings ?? []).some((sl) => sl.maxContainers !== undefined),
      );
      for (const v of s.villages) {
        if (v.pickupWindows) mark(`windows:${v.timeZone}`, true);
        mark("village-without-zone", v.timeZone === undefined);
        mark(
          "window-to-midnight",
          (v.pickupWindows ?? []).some((w) => w.close === "24:00"),
        );
      }
      for (const sh of s.shipments) {
        mark(`handling:${sh.handling ?? "dry"}`, true);
        mark(`product:${sh.product}`, sh.product !== undefined);
        mark("split", (sh.packages ?? 1) > 1);
        mark("readyAt", sh.readyAt !== undefined);
        mark("sailBy", sh.sailBy !== undefined);
        mark("destination", sh.destination !== undefined);
        mark("too-heavy", sh.weightKg / (sh.packages ?? 1) > 3000);
      }
      mark("never-together", (s.rules?.neverTogether ?? []).length > 0);
    }
    const wanted = [
      "metric:road",
      "metric:euclidean",
      "metric:matrix",
      "matrix-without-minutes",
      "no-horizon",
      "reefer-type",
      "no-reefer-type",
      "several-types",
      "default-costs",
      "fleet-limited",
      "fleet-unlimited",
      "fleet-type-missing",
      "depots:1",
      "depots:2",
      "depots:3",
      "ports-on-two-islands",
      "village-island-without-port",
      "port-without-sailings",
      "sailing-destinations",
      "sailing-max-containers",
      "windows:Asia/Jakarta",
      "windows:Asia/Makassar",
      "windows:Asia/Jayapura",
      "village-without-zone",
      "window-to-midnight",
      ...["dry", "general", "dangerous", "chilled", "frozen", "live"].map((h) => `handling:${h}`),
      ...[
        "coffee",
        "dried-seaweed",
        "banana-flour",
        "essential-oil",
        "mud-crab",
        "avocado",
        "rattan-crafts",
      ].map((p) => `product:${p}`),
      "split",
      "readyAt",
      "sailBy",
      "destination",
      "too-heavy",
      "never-together",
    ];
    expect(wanted.filter((w) => !seen.has(w))).to.deep.equal([]);
  });
});
