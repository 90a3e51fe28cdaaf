/**
 * Sea boxes as the dashboard draws them, grouped by sailing: each box with its slots
 * (a 20 ft box holds three village containers: each slot filled by a container, or
 * empty), its gross weight against its payload, its freight, and what the reader's own
 * shipments in it are charged. Sailing times are shown in the port's zone.
 */
import { formatLocalDateTime } from "./local-time.js";
import type { Lang } from "./locale.js";
import { formatIdr, formatKg, formatNumber, formatPercent } from "./number-format.js";
import { translate } from "./translate.js";

/** What this view reads of a box (the API's box view). */
export interface BoxInput {
  id: string;
  type: string;
  reefer: boolean;
  slots: number;
  usedSlots: number;
  maxWeightKg: number;
  weightKg: number;
  freight: number;
  sailing: { id: string; port: string; departure: string; cutoff: string } | null;
  destination: string | null;
  containers: {
    id: string;
    type: string;
    boxSlots: number;
    weightKg: number;
    tareKg: number;
    status: string;
    shipments: { id: string }[];
  }[];
  share: { shipments: number; weightKg: number; freight: number };
}

export interface BoxSlotView {
  /** the container filling this slot; absent = an empty slot */
  container?: string;
  /** the container's load and its gross weight, for the slot's label */
  text?: string;
  /** the reader has shipments in this container */
  mine: boolean;
  /** a container taking more than one slot is drawn once, over `span` slots */
  span: number;
}

export interface BoxCardView {
  id: string;
  type: string;
  reefer: boolean;
  destination: string | null;
  slots: BoxSlotView[];
  /** 0..1 of the payload */
  weightFill: number;
  freight: number;
  shareFreight: number;
  text: { type: string; slots: string; weight: string; weightFill: string; freight: string; share: string };
}

export interface SailingBoxesView {
  sailing: string | null;
  port: string | null;
  portName: string | null;
  text: { departure?: string; cutoff?: string; boxes: string; freight: string };
  boxes: BoxCardView[];
}

export interface PortInfo {
  name?: string | null;
  timeZone?: string | null;
}

export function boxCardView(box: BoxInput, lang: Lang, mineOnly: boolean): BoxCardView {
  const slots: BoxSlotView[] = [];
  for (const c of box.containers) {
    slots.push({
      container: c.id,
      text: `${c.id} · ${formatKg(c.weightKg, lang)} (+${formatKg(c.tareKg, lang)})`,
      mine: mineOnly && c.shipments.length > 0,
      span: Math.max(1, c.boxSlots),
    });
  }
  for (let free = box.slots - box.usedSlots; free > 0; free--) slots.push({ mine: false, span: 1 });
  const weightFill = box.maxWeightKg > 0 ? box.weightKg / box.maxWeightKg : 0;
  return {
    id: box.id,
    type: box.type,
    reefer: box.reefer,
    destination: box.destination,
    slots,
    weightFill,
    freight: box.freight,
    shareFreight: box.share.freight,
    text: {
      type: box.reefer ? `${box.type} · ${translate(lang, "box.reefer")}` : box.type,
      slots: translate(lang, "box.slotsOf", {
        used: formatNumber(box.usedSlots, lang, 0),
        slots: formatNumber(box.slots, lang, 0),
      }),
      weight: `${formatKg(box.weightKg, lang)} / ${formatKg(box.maxWeightKg, lang)}`,
      weightFill: formatPercent(weightFill, lang),
      freight: formatIdr(box.freight, lang),
      share: formatIdr(box.share.freight, lang),
    },
  };
}

/**
 * Boxes grouped by sailing, in departure order. `mineOnly`: mark the containers holding
 * the reader's own shipments (for a BUMDes or an exporter; a coordinator owns them all).
 */
export function sailingBoxesViews(
  boxes: readonly BoxInput[],
  ports: ReadonlyMap<string, PortInfo>,
  lang: Lang,
  mineOnly = false,
): SailingBoxesView[] {
  const groups = new Map<string, BoxInput[]>();
  for (const b of boxes) {
    const key = b.sailing?.id ?? "";
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.values()]
    .sort((a, b) => Date.parse(a[0].sailing?.departure ?? "") - Date.parse(b[0].sailing?.departure ?? ""))
    .map((list) => {
      const sailing = list[0].sailing;
      const port = sailing ? ports.get(sailing.port) : undefined;
      const zone = port?.timeZone ?? undefined;
      return {
        sailing: sailing?.id ?? null,
        port: sailing?.port ?? null,
        portName: port?.name ?? sailing?.port ?? null,
        text: {
          departure: sailing ? formatLocalDateTime(sailing.departure, zone, lang) : undefined,
          cutoff: sailing ? formatLocalDateTime(sailing.cutoff, zone, lang) : undefined,
          boxes: translate(lang, "box.count", { n: formatNumber(list.length, lang, 0) }),
          freight: formatIdr(
            list.reduce((a, b) => a + b.freight, 0),
            lang,
          ),
        },
        boxes: list.map((b) => boxCardView(b, lang, mineOnly)),
      };
    });
}
