import { ApiKeyEntity } from "./api-key.entity.js";
import { AuditEntryEntity } from "./audit-entry.entity.js";
import { BoxEntity } from "./box.entity.js";
import { BoxContainerEntity } from "./box-container.entity.js";
import { BoxTypeEntity } from "./box-type.entity.js";
import { ChargeEntity } from "./charge.entity.js";
import { ContainerEntity } from "./container.entity.js";
import { ContainerLoadEntity } from "./container-load.entity.js";
import { ContainerTypeEntity } from "./container-type.entity.js";
import { DepotEntity } from "./depot.entity.js";
import { JobOwnerEntity } from "./job-owner.entity.js";
import { PlanEntity } from "./plan.entity.js";
import { PlanningRunEntity } from "./planning-run.entity.js";
import { PortEntity } from "./port.entity.js";
import { SailingEntity } from "./sailing.entity.js";
import { SettingEntity } from "./setting.entity.js";
import { ShipmentEntity } from "./shipment.entity.js";
import { VillageEntity } from "./village.entity.js";

export const ENTITIES = [
  ApiKeyEntity,
  AuditEntryEntity,
  BoxEntity,
  BoxContainerEntity,
  BoxTypeEntity,
  ChargeEntity,
  ContainerEntity,
  ContainerLoadEntity,
  ContainerTypeEntity,
  DepotEntity,
  JobOwnerEntity,
  PlanEntity,
  PlanningRunEntity,
  PortEntity,
  SailingEntity,
  SettingEntity,
  ShipmentEntity,
  VillageEntity,
];
