/**
 * Pack the village containers of one sailing into sea boxes: bin packing in two resources
 * (slots, weight with tare) with conflicts (temperature, dangerous goods and food, one
 * destination per box), a choice of box types, and a cap on boxes (`maxBoxes`).
 *
 * Best fit, most constrained first: containers that fix both a destination and a
 * dangerous/food side open boxes, the more flexible ones (general goods, no destination)
 * fill the gaps. New boxes are of the type cheapest per slot; at the end each box shrinks
 * to the cheapest type that still holds it. Over `maxBoxes`, the same packing is tried
 * with the roomiest type, and if that still needs too many, the lightest boxes stay
 * behind (weight served comes first).
 *
 * Deterministic and independent of input order: the items are sorted on everything the
 * packing depends on, then on their keys. Items equal on every attribute are
 * interchangeable, so the number of boxes and their freight depend only on the multiset.
 */
import type { BoxType } from "../model/scenario.js";
import {
  type BoxItem,
  type BoxSignature,
  type BoxTemperature,
  boxTypeServes,
  boxTypeTakes,
  joinSignature,
  mayShareBox,
} from "../rules/boxes.js";

export interface PackedBox {
  /** index into the scenario's boxTypes */
  type: number;
  items: BoxItem[];
  slots: number;
  weightKg: number;
  loadKg: number;
  signature: BoxSignature;
}

export interface SailingPacking {
  boxes: PackedBox[];
  /** Containers no box could take (or over maxBoxes). */
  unplaced: BoxItem[];
  freight: number;
}

const TEMPERATURE_ORDER: Record<BoxTemperature, number> = { ambient: 0, chilled: 1, frozen: 2, live: 3 };
const EPS = 1e-6;

/** Fewer choices first: destination and danger side both fixed, then one of them, then neither. */
function freedom(item: BoxItem): number {
  return (item.destination === null ? 2 : 0) + (item.danger === "neutral" ? 1 : 0);
}

const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The packing order: everything the packing depends on, then the key (see the header). */
export function compareItems(a: BoxItem, b: BoxItem): number {
  return (
    TEMPERATURE_ORDER[a.temperature] - TEMPERATURE_ORDER[b.temperature] ||
    freedom(a) - freedom(b) ||
    order(a.destination ?? "", b.destination ?? "") ||
    order(a.danger, b.danger) ||
    b.slots - a.slots ||
    Math.round((b.weightKg - a.weightKg) * 1000) ||
    order(a.key, b.key)
  );
}

function freightOf(t: BoxType): number {
  return t.freight ?? 0;
}

/** The type new boxes open as: cheapest per slot, then roomiest. */
function openingType(types: readonly BoxType[], temperature: BoxTemperature, roomiest: boolean): number[] {
  const order = types
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => boxTypeServes(t, temperature))
    .sort((a, b) =>
      roomiest
        ? b.t.slots - a.t.slots || b.t.maxWeightKg - a.t.maxWeightKg || freightOf(a.t) - freightOf(b.t)
        : freightOf(a.t) / a.t.slots - freightOf(b.t) / b.t.slots ||
          b.t.slots - a.t.slots ||
          b.t.maxWeightKg - a.t.maxWeightKg,
    );
  return order.map(({ i }) => i);
}

function fits(type: BoxType, box: { slots: number; weightKg: number }, item: BoxItem): boolean {
  return (
    box.slots + item.slots <= type.slots &&
    box.weightKg + item.weightKg <= type.maxWeightKg * (1 + 1e-9) + EPS
  );
}

function packOnce(
  items: readonly BoxItem[],
  types: readonly BoxType[],
  roomiest: boolean,
): PackedBox[] & { left: BoxItem[] } {
  const boxes: PackedBox[] = [];
  const left: BoxItem[] = [];
  const openers = new Map<BoxTemperature, number[]>();
  for (const item of items) {
    if (item.mixedDestinations) {
      left.push(item);
      continue;
    }
    let best: PackedBox | null = null;
    let bestRoom = Infinity;
    for (const box of boxes) {
      if (!mayShareBox(box.signature, item)) continue;
      const type = types[box.type];
      if (!fits(type, box, item)) continue;
      // Best fit: the box left with the fewest free slots, then the least free weight.
      const room =
        (type.slots - box.slots - item.slots) * 1e9 + (type.maxWeightKg - box.weightKg - item.weightKg);
      if (room < bestRoom) {
        best = box;
        bestRoom = room;
      }
    }
    if (best === null) {
      let order = openers.get(item.temperature);
      if (!order) {
        order = openingType(types, item.temperature, roomiest);
        openers.set(item.temperature, order);
      }
      const typeIndex = order.find((i) => boxTypeTakes(types[i], item));
      if (typeIndex === undefined) {
        left.push(item);
        continue;
      }
      best = {
        type: typeIndex,
        items: [],
        slots: 0,
        weightKg: 0,
        loadKg: 0,
        signature: { temperature: item.temperature, danger: "neutral", destination: null },
      };
      boxes.push(best);
    }
    best.items.push(item);
    best.slots += item.slots;
    best.weightKg += item.weightKg;
    best.loadKg += item.loadKg;
    best.signature = joinSignature(best.signature, item);
  }
  // Each box as the cheapest type that still holds it.
  for (const box of boxes) {
    let cheapest = box.type;
    types.forEach((t, i) => {
      if (!boxTypeServes(t, box.signature.temperature)) return;
      if (box.slots > t.slots || box.weightKg > t.maxWeightKg * (1 + 1e-9) + EPS) return;
      if (freightOf(t) < freightOf(types[cheapest])) cheapest = i;
    });
    box.type = cheapest;
  }
  return Object.assign(boxes, { left });
}

const totalFreight = (boxes: readonly PackedBox[], types: readonly BoxType[]) =>
  boxes.reduce((a, b) => a + freightOf(types[b.type]), 0);

/**
 * Pack one sailing's containers. `maxBoxes` Infinity when unlimited. `sorted`: the items
 * are already in `compareItems` order (a caller packing the same containers many times
 * sorts them once).
 */
export function packSailing(
  items: readonly BoxItem[],
  types: readonly BoxType[],
  maxBoxes: number,
  sorted = false,
): SailingPacking {
  const inOrder = sorted ? items : [...items].sort(compareItems);
  let boxes = packOnce(inOrder, types, false);
  if (boxes.length > maxBoxes) {
    const roomy = packOnce(inOrder, types, true);
    if (roomy.length < boxes.length) boxes = roomy;
  }
  const unplaced = [...boxes.left];
  let kept: PackedBox[] = boxes;
  if (boxes.length > maxBoxes) {
    // Keep the heaviest loads: what stays behind is the least weight.
    const byLoad = [...boxes].sort((a, b) => b.loadKg - a.loadKg || boxes.indexOf(a) - boxes.indexOf(b));
    const keep = new Set(byLoad.slice(0, Math.max(0, maxBoxes)));
    kept = boxes.filter((b) => keep.has(b));
    for (const b of boxes) if (!keep.has(b)) unplaced.push(...b.items);
  }
  return { boxes: kept, unplaced, freight: totalFreight(kept, types) };
}
