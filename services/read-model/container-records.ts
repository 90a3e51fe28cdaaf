/**
 * A container as /v1 readers need it: fill by weight and volume (0..1), what it
 * carries, its sailing and the minutes left to the port cut-off. The key's policy
 * decides which shipments show inside (stop loads and the shipment list alike); the
 * fill and totals are the container's, whole.
 */
import type { EntityManager } from "typeorm";
import { readKept } from "../../shared/infra/db/change-feed.js";
import type { ContainerEntity } from "../../shared/infra/db/entities/container.entity.js";
import type { AccessPolicy } from "./access-policy.js";

const ratio = (x: number, max: number) => (max > 0 ? Math.round((x / max) * 1000) / 1000 : 0);

/** A load line and the facts of its shipment a container's reader sees (one joined query). */
interface LoadRow {
  containerId: string;
  stopIndex: number;
  shipmentId: string;
  packages: number;
  weightKg: number;
  volumeM3: number;
  village: string;
  product: string | null;
  handling: string | null;
  exporter: string | null;
  destination: string | null;
  status: string;
}

interface SailingRow {
  id: string;
  port: string;
  departure: string;
  cutoff: string;
  destinations: string[] | null;
}

export async function containerRecords(
  m: EntityManager,
  rows: ContainerEntity[],
  policy: AccessPolicy,
  now: Date,
) {
  if (rows.length === 0) return [];
  // Plain rows, only the columns shown: building entities for every load and shipment of a
  // page was most of a container page's time.
  const ids = rows.map((r) => r.id);
  const readLoads = (): Promise<LoadRow[]> =>
    m.query(
      `SELECT l."containerId", l."stopIndex", l."shipmentId", l."packages", l."weightKg", l."volumeM3",
            s."village", s."product", s."handling", s."exporter", s."destination", s."status"
       FROM "container_load" l JOIN "shipment" s ON s."id" = l."shipmentId"
      WHERE l."containerId" = ANY($1) ORDER BY l."id"`,
      [ids],
    );
  // Kept until loads or shipments change (never inside a transaction: readKept).
  const loads = await readKept(m, `loads:${ids.join(",")}`, ["container_load", "shipment"], readLoads);
  const shipments = new Map(loads.map((l) => [l.shipmentId, l]));
  const byContainer = new Map<string, LoadRow[]>();
  for (const l of loads) {
    const list = byContainer.get(l.containerId);
    if (list) list.push(l);
    else byContainer.set(l.containerId, [l]);
  }
  const sailingIds = [...new Set(rows.map((r) => r.sailing).filter((s): s is string => s !== null))];
  const readSailings = async (): Promise<SailingRow[]> =>
    sailingIds.length
      ? m.query(
          `SELECT "id", "port", "departure", "cutoff", "destinations" FROM "sailing" WHERE "id" = ANY($1)`,
          [sailingIds],
        )
      : [];
  const sailingRows = await readKept(m, `sailings:${sailingIds.join(",")}`, ["sailing"], readSailings);
  const sailings = new Map(sailingRows.map((s) => [s.id, s]));

  return rows.map((c) => {
    const mine = byContainer.get(c.id) ?? [];
    const visible = (shipmentId: string) => {
      const s = shipments.get(shipmentId);
      return s !== undefined && policy.seesShipment(s);
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
            id: s.shipmentId,
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
