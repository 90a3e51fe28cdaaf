/** The five reference resources, each described once for the generic router. */
import { type DataSource, In } from "typeorm";
import {
  boxTypeInputSchema,
  containerTypeInputSchema,
  depotInputSchema,
  portInputSchema,
  sailingInputSchema,
  villageInputSchema,
} from "../../../shared/contracts/resources.schemas.js";
import { timeZone } from "../../../shared/core/model/fields.js";
import { INDONESIAN_ZONE_NAMES, zonesNamed } from "../../../shared/core/rules/zones.js";
import { BoxTypeEntity } from "../../../shared/infra/db/entities/box-type.entity.js";
import { ContainerTypeEntity } from "../../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../../shared/infra/db/entities/depot.entity.js";
import { PortEntity } from "../../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../../shared/infra/db/entities/sailing.entity.js";
import { VillageEntity } from "../../../shared/infra/db/entities/village.entity.js";
import {
  currentBoxesOfType,
  currentContainers,
  currentContainersStoppingAt,
  fleetsWithType,
  liveKeysFor,
  openShipmentsOf,
  sailingsOfPort,
} from "../../../shared/infra/db/referrers.js";
import {
  boxTypeFromRow,
  boxTypeToRow,
  containerTypeFromRow,
  containerTypeToRow,
  depotFromRow,
  depotToRow,
  portFromRow,
  portToRow,
  sailingFromRow,
  sailingToRow,
  villageFromRow,
  villageToRow,
} from "../../../shared/infra/db/scenario.mapper.js";
import { badRequest } from "../../../shared/infra/errors.js";
import { asRecord } from "../write-validation.js";
import { referenceRouter } from "./reference.routes.js";

/**
 * GET /v1/villages' filters: island, bumdes, timeZone (an IANA zone) and zone (WIB, WITA or
 * WIT, as coordinators say it). A zone that does not exist is a 400 naming the parameter, not
 * an empty list: `timeZone=WITA` used to answer no villages at all.
 */
function villageListWhere(query: Record<string, unknown>): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  const errors: { path: string; message: string }[] = [];
  for (const key of ["island", "bumdes"]) if (str(query[key]) && query[key] !== "") where[key] = query[key];
  const tz = query.timeZone;
  if (str(tz) && tz !== "") {
    if (timeZone.safeParse(tz).success) where.timeZone = tz;
    else
      errors.push({
        path: "timeZone",
        message: `must be an IANA time zone such as Asia/Makassar${zonesNamed(tz).length > 0 ? ` (for ${tz} write zone=${tz})` : ""}`,
      });
  }
  const zone = query.zone;
  if (str(zone) && zone !== "") {
    const zones = zonesNamed(zone.toUpperCase());
    if (zones.length === 0) errors.push({ path: "zone", message: "must be one of WIB, WITA, WIT" });
    else if (where.timeZone === undefined) where.timeZone = In(zones);
    else if (!zones.includes(where.timeZone as string)) where.timeZone = In([]);
  }
  if (errors.length > 0) throw badRequest(errors);
  return where;
}

/** A village as BUMDes read it: with its zone name (WIB/WITA/WIT) beside the IANA zone. */
export const villageView = (row: VillageEntity) => {
  const v = villageFromRow(row);
  return { ...v, zone: v.timeZone ? (INDONESIAN_ZONE_NAMES[v.timeZone] ?? v.timeZone) : null };
};

const str = (v: unknown): v is string => typeof v === "string";

export function referenceRouters(ds: DataSource, now?: () => Date) {
  return [
    referenceRouter(
      ds,
      {
        path: "villages",
        noun: "village",
        kind: "villages",
        entity: VillageEntity,
        schema: villageInputSchema,
        toRow: villageToRow,
        fromRow: villageView,
        listWhere: villageListWhere,
        referredBy: [openShipmentsOf, currentContainersStoppingAt, liveKeysFor],
      },
      now,
    ),
    referenceRouter(
      ds,
      {
        path: "ports",
        noun: "port",
        kind: "ports",
        entity: PortEntity,
        schema: portInputSchema,
        toRow: portToRow,
        fromRow: portFromRow,
        filters: ["island"],
        referredBy: [sailingsOfPort, currentContainers("port")],
      },
      now,
    ),
    referenceRouter(
      ds,
      {
        path: "depots",
        noun: "depot",
        kind: "depots",
        entity: DepotEntity,
        schema: depotInputSchema,
        toRow: depotToRow,
        fromRow: depotFromRow,
        filters: ["island"],
        references: (d) =>
          Object.keys(asRecord(d.fleet)).map((t) => ({
            path: `fleet.${t}`,
            entity: ContainerTypeEntity,
            noun: "container type",
            id: t,
          })),
        referredBy: [currentContainers("depot")],
      },
      now,
    ),
    referenceRouter(
      ds,
      {
        path: "sailings",
        noun: "sailing",
        kind: "sailings",
        entity: SailingEntity,
        schema: sailingInputSchema,
        toRow: sailingToRow,
        fromRow: sailingFromRow,
        filters: ["port"],
        references: (s) =>
          str(s.port) ? [{ path: "port", entity: PortEntity, noun: "port", id: s.port }] : [],
        referredBy: [currentContainers("sailing")],
      },
      now,
    ),
    referenceRouter(
      ds,
      {
        path: "container-types",
        noun: "container type",
        kind: "containerTypes",
        entity: ContainerTypeEntity,
        schema: containerTypeInputSchema,
        toRow: containerTypeToRow,
        fromRow: containerTypeFromRow,
        referredBy: [fleetsWithType, currentContainers("type")],
      },
      now,
    ),
    referenceRouter(
      ds,
      {
        path: "box-types",
        noun: "box type",
        entity: BoxTypeEntity,
        schema: boxTypeInputSchema,
        toRow: boxTypeToRow,
        fromRow: boxTypeFromRow,
        // Stored boxes keep their own copy of slots and payload; only boxes still in the plan hold a type.
        referredBy: [currentBoxesOfType],
      },
      now,
    ),
  ];
}
