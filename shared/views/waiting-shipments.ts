/**
 * A village's shipments that no pickup carries yet, as its BUMDes reads them under the
 * pickup schedule: waiting for the next plan, or left out of the last one with the reason
 * and what to do in the page's language (the planner's own sentence beside it, in English).
 * Without it a BUMDes whose shipment could not be planned saw only that no truck was coming.
 */
import { isUnassignedReason } from "../core/model/plan.js";
import type { Lang } from "./locale.js";
import { formatKg } from "./number-format.js";
import { translate } from "./translate.js";

export interface WaitingShipment {
  id: string;
  product: string | null;
  weightKg: number;
  status: "open" | "unassigned";
  /** The last plan's reason code (spec: TOO_LARGE, TIME, ...), for an unassigned one. */
  reason: string | null;
  detail: string | null;
}

export interface WaitingShipmentView {
  shipment: string;
  product: string;
  weight: string;
  status: "open" | "unassigned";
  /** "Waiting for the next plan", or the reason's label. */
  state: string;
  /** What it means and what to do. */
  help: string;
  /** The planner's sentence about this shipment (English), or "". */
  detail: string;
}

export function waitingShipmentViews(rows: readonly WaitingShipment[], lang: Lang): WaitingShipmentView[] {
  return rows.map((s) => {
    const reason = s.status === "unassigned" && isUnassignedReason(s.reason) ? s.reason : null;
    return {
      shipment: s.id,
      product: s.product ?? "",
      weight: formatKg(s.weightKg, lang),
      status: s.status,
      state: reason
        ? translate(lang, `reason.${reason}`)
        : translate(lang, s.status === "open" ? "pickup.waitingOpen" : "pickup.waitingLeftOut"),
      help: reason
        ? translate(lang, `reasonHelp.${reason}`)
        : translate(lang, s.status === "open" ? "pickup.waitingOpenHelp" : "pickup.waitingLeftOutHelp"),
      detail: s.status === "unassigned" ? (s.detail ?? "") : "",
    };
  });
}
