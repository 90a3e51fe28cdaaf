/**
 * A sea box as its readers need it: type, sailing, slots and weight used, freight, and
 * the containers in it with their weights. Every key that sees a box sees all of its
 * containers (the box's fill is the box's, whole), but inside them only the shipments it
 * may see, like a container view; `share` is what those shipments are charged.
 */
import { type DataSource, In } from "typeorm";
import type { BoxRecord } from "../../shared/infra/db/box.repository.js";
import { ChargeEntity } from "../../shared/infra/db/entities/charge.entity.js";
import { ContainerLoadEntity } from "../../shared/infra/db/entities/container-load.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { canSeeShipment, type Principal } from "./principal.js";

const ratio = (x: number, max: number) => (max > 0 ? Math.round((x / max) * 1000) / 1000 : 0);

export async function boxViews(ds: DataSource, records: BoxRecord[], p: Principal) {
  const containerIds = [...new Set(records.flatMap((r) => r.containers.map((c) => c.id)))];
  if (containerIds.length === 0) return records.map((r) => view(r, [], new Map(), [], p));
  const [loads, charges] = await Promise.all([
    ds
      .getRepository(ContainerLoadEntity)
      .find({ where: { containerId: In(containerIds) }, order: { id: "ASC" } }),
    ds.getRepository(ChargeEntity).find({ where: { containerId: In(containerIds), current: true } }),
  ]);
  const shipmentIds = [...new Set(loads.map((l) => l.shipmentId))];
  const shipments = new Map(
    (shipmentIds.length ? await ds.getRepository(ShipmentEntity).findBy({ id: In(shipmentIds) }) : []).map(
      (s) => [s.id, s],
    ),
  );
  return records.map((r) => view(r, loads, shipments, charges, p));
}

function view(
  r: BoxRecord,
  loads: ContainerLoadEntity[],
  shipments: Map<string, ShipmentEntity>,
  charges: ChargeEntity[],
  p: Principal,
) {
  const visible = (id: string) => {
    const s = shipments.get(id);
    return s !== undefined && canSeeShipment(p, s);
  };
  const members = new Set(r.containers.map((c) => c.id));
  const mine = charges.filter((c) => members.has(c.containerId) && visible(c.shipmentId));
  const containers = r.containers.map((c) => {
    const lines = new Map<string, { packages: number; weightKg: number; volumeM3: number }>();
    for (const l of loads) {
      if (l.containerId !== c.id || !visible(l.shipmentId)) continue;
      const line = lines.get(l.shipmentId) ?? { packages: 0, weightKg: 0, volumeM3: 0 };
      line.packages += l.packages;
      line.weightKg += l.weightKg;
      line.volumeM3 += l.volumeM3;
      lines.set(l.shipmentId, line);
    }
    return {
      id: c.id,
      position: c.position,
      type: c.type,
      status: c.status,
      current: c.current,
      boxSlots: c.boxSlots,
      tareKg: c.tareKg,
      weightKg: c.weightKg,
      grossKg: c.weightKg + c.tareKg,
      volumeM3: c.volumeM3,
      shipments: [...lines.entries()].map(([id, line]) => {
        const s = shipments.get(id)!;
        const charge = mine.find((ch) => ch.containerId === c.id && ch.shipmentId === id);
        return {
          id,
          village: s.village,
          product: s.product,
          handling: s.handling,
          exporter: s.exporter,
          destination: s.destination,
          ...line,
          truck: charge?.truck ?? 0,
          freight: charge?.freight ?? 0,
        };
      }),
    };
  });
  const seen = containers.flatMap((c) => c.shipments);
  return {
    id: r.box.id,
    planVersion: r.box.planVersion,
    current: r.box.current,
    type: r.box.type,
    reefer: r.box.reefer,
    sailing: r.sailing,
    port: r.sailing?.port ?? null,
    /** The one destination the box is opened at, as far as this key's own shipments name it. */
    destination: seen.find((s) => s.destination)?.destination ?? null,
    slots: r.box.slots,
    usedSlots: r.box.usedSlots,
    freeSlots: Math.max(0, r.box.slots - r.box.usedSlots),
    maxWeightKg: r.box.maxWeightKg,
    weightKg: r.box.weightKg,
    fill: { weight: ratio(r.box.weightKg, r.box.maxWeightKg), slots: ratio(r.box.usedSlots, r.box.slots) },
    freight: r.box.freight,
    /** What the shipments this key may see in the box are charged: its share of the box's freight. */
    share: {
      shipments: new Set(seen.map((s) => s.id)).size,
      weightKg: seen.reduce((a, s) => a + s.weightKg, 0),
      freight: mine.reduce((a, c) => a + c.freight, 0),
    },
    containers,
  };
}
