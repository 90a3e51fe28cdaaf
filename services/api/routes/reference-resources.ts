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
import { BoxEntity } from "../../../shared/infra/db/entities/box.entity.js";
import { BoxTypeEntity } from "../../../shared/infra/db/entities/box-type.entity.js";
import { ContainerTypeEntity } from "../../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../../shared/infra/db/entities/depot.entity.js";
import { PortEntity } from "../../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../../shared/infra/db/entities/village.entity.js";
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
import { referenceRouter } from "./reference.routes.js";

const ZONES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** A village as BUMDes read it: with its zone name (WIB/WITA/WIT) beside the IANA zone. */
export const villageView = (row: VillageEntity) => {
  const v = villageFromRow(row);
  return { ...v, zone: v.timeZone ? (ZONES[v.timeZone] ?? v.timeZone) : null };
};

export function referenceRouters(ds: DataSource) {
  return [
    referenceRouter(ds, {
      path: "villages",
      noun: "village",
      entity: VillageEntity,
      schema: villageInputSchema,
      toRow: villageToRow,
      fromRow: villageView,
      filters: ["island", "bumdes", "timeZone"],
      blockDelete: async (m, id) =>
        (await m.countBy(ShipmentEntity, { village: id })) > 0 ? `village "${id}" has shipments` : null,
    }),
    referenceRouter(ds, {
      path: "ports",
      noun: "port",
      entity: PortEntity,
      schema: portInputSchema,
      toRow: portToRow,
      fromRow: portFromRow,
      filters: ["island"],
      blockDelete: async (m, id) =>
        (await m.countBy(SailingEntity, { port: id })) > 0
          ? `port "${id}" has sailings; delete them first`
          : null,
    }),
    referenceRouter(ds, {
      path: "depots",
      noun: "depot",
      entity: DepotEntity,
      schema: depotInputSchema,
      toRow: depotToRow,
      fromRow: depotFromRow,
      filters: ["island"],
      checkRefs: async (m, d) => {
        const types = Object.keys(d.fleet ?? {});
        if (types.length === 0) return [];
        const known = new Set((await m.findBy(ContainerTypeEntity, { id: In(types) })).map((t) => t.id));
        return types
          .filter((t) => !known.has(t))
          .map((t) => ({ path: `fleet.${t}`, message: `unknown container type "${t}"` }));
      },
    }),
    referenceRouter(ds, {
      path: "sailings",
      noun: "sailing",
      entity: SailingEntity,
      schema: sailingInputSchema,
      toRow: sailingToRow,
      fromRow: sailingFromRow,
      filters: ["port"],
      checkRefs: async (m, s) =>
        (await m.findOneBy(PortEntity, { id: s.port }))
          ? []
          : [{ path: "port", message: `unknown port "${s.port}"` }],
    }),
    referenceRouter(ds, {
      path: "container-types",
      noun: "container type",
      entity: ContainerTypeEntity,
      schema: containerTypeInputSchema,
      toRow: containerTypeToRow,
      fromRow: containerTypeFromRow,
      blockDelete: async (m, id) => {
        const depots = await m.find(DepotEntity);
        const using = depots.filter((d) => d.fleet && d.fleet[id] !== undefined).map((d) => d.id);
        return using.length > 0
          ? `container type "${id}" is in the fleet of depot(s) ${using.join(", ")}`
          : null;
      },
    }),
    referenceRouter(ds, {
      path: "box-types",
      noun: "box type",
      entity: BoxTypeEntity,
      schema: boxTypeInputSchema,
      toRow: boxTypeToRow,
      fromRow: boxTypeFromRow,
      // Stored boxes keep their own copy of slots and payload; only boxes still in the plan hold a type.
      blockDelete: async (m, id) => {
        const n = await m.countBy(BoxEntity, { type: id, current: true });
        return n > 0 ? `box type "${id}" is used by ${n} sea box(es) of the current plan` : null;
      },
    }),
  ];
}
