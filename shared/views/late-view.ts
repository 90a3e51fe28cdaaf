/**
 * A late shipment's options as the coordinator reads them: each container that can still
 * take it with the detour in km and rupiah, when the truck would load it (in the
 * village's clock) and reach the port (in the port's), and what a container of its own
 * would cost instead.
 */
import type { LateOptions } from "../core/late/late-options.js";
import type { Scenario } from "../core/model/scenario.js";
import { formatLocalDateTime } from "./local-time.js";
import type { Lang } from "./locale.js";
import { formatIdr, formatKg, formatKm } from "./number-format.js";
import { indexScenario } from "./scenario-index.js";
import { translate } from "./translate.js";

export interface LateOptionView {
  container: string;
  sailing: string | null;
  addedCost: number;
  text: { addedKm: string; addedCost: string; pickup: string; portArrival: string };
}

export interface LateOptionsView {
  shipment: string;
  village: string;
  villageName: string;
  weight: string;
  options: LateOptionView[];
  /** "A container of its own: Rp …", or why there is none */
  newContainer: string;
  newContainerPossible: boolean;
}

export function lateOptionsView(
  shipmentId: string,
  found: LateOptions,
  scenario: Scenario,
  portOf: ReadonlyMap<string, string>,
  lang: Lang,
): LateOptionsView {
  const index = indexScenario(scenario);
  const shipment = index.shipments.get(shipmentId);
  const village = shipment ? index.villages.get(shipment.village) : undefined;
  const portZone = (container: string, sailing?: string) => {
    const port = sailing ? index.sailings.get(sailing)?.port : portOf.get(container);
    return port ? index.ports.get(port)?.timeZone : undefined;
  };
  return {
    shipment: shipmentId,
    village: shipment?.village ?? "",
    villageName: village?.name ?? shipment?.village ?? "",
    weight: shipment ? formatKg(shipment.weightKg, lang) : "",
    options: found.options.map((o) => ({
      container: o.container,
      sailing: o.sailing ?? null,
      addedCost: o.addedCost,
      text: {
        addedKm: formatKm(o.addedKm, lang),
        addedCost: formatIdr(o.addedCost, lang),
        pickup: formatLocalDateTime(o.pickupAt, village?.timeZone, lang),
        portArrival: formatLocalDateTime(o.portArrival, portZone(o.container, o.sailing), lang),
      },
    })),
    newContainer: found.newContainer
      ? translate(lang, "late.newContainer", { cost: formatIdr(found.newContainer.addedCost, lang) })
      : translate(lang, "late.noNewContainer"),
    newContainerPossible: found.newContainer !== null,
  };
}
