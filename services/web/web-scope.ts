/**
 * What each role may see in the web views and exports, decided in one place:
 * coordinators everything; a BUMDes key its villages' pickups and containers; an
 * exporter the containers holding its shipments, with other exporters' names hidden.
 */

import { forbidden } from "../../shared/infra/errors.js";
import type { Principal } from "../api/principal.js";
import type { PlanSnapshot, SnapshotScope } from "./plan-snapshot.repository.js";

export function snapshotScope(p: Principal): SnapshotScope {
  if (p.role === "coordinator") return {};
  if (p.role === "bumdes") return { villages: p.villages };
  return { exporter: p.exporter ?? "\u0000no exporter" };
}

export function assertVillageVisible(p: Principal, village: string): void {
  if (p.role === "bumdes" && !p.villages.includes(village)) {
    throw forbidden(
      "village",
      `this key speaks for ${p.villages.join(", ") || "no village"}, not "${village}"`,
    );
  }
  if (p.role === "exporter") throw forbidden("village", "pickup schedules are for BUMDes and coordinators");
}

/** Competing exporters share containers: each sees the fill, not who else ships what. */
export function maskForViewer(snapshot: PlanSnapshot, p: Principal): PlanSnapshot {
  if (p.role !== "exporter") return snapshot;
  return {
    ...snapshot,
    scenario: {
      ...snapshot.scenario,
      shipments: snapshot.scenario.shipments.map((s) =>
        s.exporter === p.exporter
          ? s
          : { ...s, exporter: undefined, destination: undefined, product: undefined },
      ),
    },
  };
}
