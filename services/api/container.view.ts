/**
 * A container as its readers need it: fill by weight and volume (0..1), what it
 * carries, its sailing and the minutes left to the port cut-off. Exporters and BUMDes
 * see only their own shipments in it; the fill is the container's, whole.
 */
import { type DataSource, In } from "typeorm";
import type { ContainerEntity } from "../../shared/infra/db/entities/container.entity.js";
import { ContainerLoadEntity } from "../../shared/infra/db/entities/container-load.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { canSeeShipment, type Principal } from "./principal.js";

const ratio = (x: number, max: number) => (max > 0 ? Math.round((x / max) * 1000) / 1000 : 0);

export async function containerViews(ds: DataSource, rows: ContainerEntity[], p: Principal, now: Date) {
  if (rows.length === 0) return [];
  const loads = await ds.getRepository(ContainerLoadEntity).find({
    where: { containerId: In(rows.map((r) => r.id)) },
    order: { id: "ASC" },
  });
  const shipmentIds = [...new Set(loads.map((l) => l.shipmentId))];
  const shipments = new Map(
    (shipmentIds.length ? await ds.getRepository(ShipmentEntity).findBy({ id: In(shipmentIds) }) : []).map(
      (s) => [s.id, s],
    ),
  );
  const sailingIds = [...new Set(rows.map((r) => r.sailing).filter((s): s is string => s !== null))];
  const sailings = new Map(
    (sailingIds.length ? await ds.getRepository(SailingEntity).findBy({ id: In(sailingIds) }) : []).map(
      (s) => [s.id, s],
    ),
  );

  return rows.map((c) => {
    const mine = loads.filter((l) => l.containerId === c.id);
    const visible = (shipmentId: string) => {
      const s = shipments.get(shipmentId);
      return s !== undefined && canSeeShipment(p, s);
    };
    const sailing = c.sailing ? sailings.get(c.sailing) : undefined;
    const cutoff = sailing?.cutoff ?? null;
    return {
      id: c.id,
      planVersion: c.planVersion,
      current: c.current,
      status: c.status,
      type: c.type,
      depot: c.depot,
      port: c.port,
      sailing: sailing
        ? {
            id: sailing.id,
            port: sailing.port,
            departure: sailing.departure,
            cutoff: sailing.cutoff,
            destinations: sailing.destinations,
          }
        : null,
      departDepot: c.departDepot,
      portArrival: c.portArrival,
      cutoff,
      /** Negative once the cut-off has passed. */
      minutesToCutoff: cutoff ? Math.floor((Date.parse(cutoff) - now.getTime()) / 60000) : null,
      /** Slack between the planned port arrival and the cut-off. */
      marginMinutes: cutoff ? Math.floor((Date.parse(cutoff) - Date.parse(c.portArrival)) / 60000) : null,
      distanceKm: c.distanceKm,
      cost: c.cost,
      weightKg: c.weightKg,
      volumeM3: c.volumeM3,
      maxWeightKg: c.maxWeightKg,
      maxVolumeM3: c.maxVolumeM3,
      fill: { weight: ratio(c.weightKg, c.maxWeightKg), volume: ratio(c.volumeM3, c.maxVolumeM3) },
      stops: c.stops.map((s, index) => ({
        index,
        village: s.village,
        arrival: s.arrival,
        loadStart: s.loadStart,
        departure: s.departure,
        pickedUpAt: s.pickedUpAt ?? null,
        load: s.load.filter((l) => visible(l.shipment)),
      })),
      shipments: mine
        .filter((l) => visible(l.shipmentId))
        .map((l) => {
          const s = shipments.get(l.shipmentId)!;
          return {
            id: s.id,
            village: s.village,
            stop: l.stopIndex,
            product: s.product,
            handling: s.handling,
            exporter: s.exporter,
            destination: s.destination,
            status: s.status,
            packages: l.packages,
            weightKg: l.weightKg,
            volumeM3: l.volumeM3,
          };
        }),
      history: c.history,
    };
  });
}

/** Container ids this caller may see, as a query condition; null = all (coordinator). */
export async function visibleContainerIds(ds: DataSource, p: Principal): Promise<string[] | null> {
  if (p.role === "coordinator") return null;
  const qb = ds
    .getRepository(ContainerLoadEntity)
    .createQueryBuilder("l")
    .select("DISTINCT l.containerId", "id")
    .innerJoin(ShipmentEntity, "s", "s.id = l.shipmentId");
  if (p.role === "bumdes") qb.where("l.village IN (:...v)", { v: p.villages.length ? p.villages : [""] });
  else qb.where("s.exporter = :e", { e: p.exporter ?? "" });
  return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
}
