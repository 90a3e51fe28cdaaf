/**
 * Load a Scenario into an empty database: the demo week on first start, and fixtures
 * in tests. One transaction: a half-loaded demo would be worse than none.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import type { Scenario } from "../../shared/core/model/scenario.js";
import { validateScenario } from "../../shared/core/model/validate.js";
import { BoxTypeEntity } from "../../shared/infra/db/entities/box-type.entity.js";
import { ContainerTypeEntity } from "../../shared/infra/db/entities/container-type.entity.js";
import { DepotEntity } from "../../shared/infra/db/entities/depot.entity.js";
import { PortEntity } from "../../shared/infra/db/entities/port.entity.js";
import { SailingEntity } from "../../shared/infra/db/entities/sailing.entity.js";
import { ShipmentEntity } from "../../shared/infra/db/entities/shipment.entity.js";
import { VillageEntity } from "../../shared/infra/db/entities/village.entity.js";
import {
  boxTypeToRow,
  containerTypeToRow,
  depotToRow,
  newShipmentRow,
  portToRow,
  sailingToRow,
  villageToRow,
} from "../../shared/infra/db/scenario.mapper.js";
import { setPlanningDefaults } from "../../shared/infra/db/settings.repository.js";

/** The demo week: the project's own when it exists, else the spec's example. */
export function findDemoScenarioFile(root: string): string {
  const candidates = [
    join(root, "data/demo/kalimantan-week.json"),
    join(root, "test/fixtures/example-scenario.json"),
    join(__dirname, "example-scenario.json"),
  ];
  return candidates.find((f) => existsSync(f)) ?? candidates[candidates.length - 1];
}

export function readScenarioFile(file: string): Scenario {
  const valid = validateScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!valid.ok) {
    throw new Error(
      `${file} is not a valid Scenario:\n${valid.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`,
    );
  }
  return valid.scenario;
}

export async function isDatabaseEmpty(ds: DataSource): Promise<boolean> {
  return (
    (await ds.getRepository(VillageEntity).count()) === 0 &&
    (await ds.getRepository(ShipmentEntity).count()) === 0
  );
}

/** A scenario's places, sailings, container and box types: everything but its shipments and settings. */
export async function saveReferenceData(m: EntityManager, s: Scenario): Promise<void> {
  await m.save(ContainerTypeEntity, s.containerTypes.map(containerTypeToRow));
  if (s.boxTypes?.length) await m.save(BoxTypeEntity, s.boxTypes.map(boxTypeToRow));
  await m.save(PortEntity, s.ports.map(portToRow));
  await m.save(DepotEntity, s.depots.map(depotToRow));
  if (s.sailings?.length) await m.save(SailingEntity, s.sailings.map(sailingToRow));
  await m.save(VillageEntity, s.villages.map(villageToRow));
}

export async function loadScenario(ds: DataSource, s: Scenario): Promise<void> {
  await ds.transaction(async (m) => {
    await saveReferenceData(m, s);
    const rows = s.shipments.map(newShipmentRow);
    for (let i = 0; i < rows.length; i += 500) await m.insert(ShipmentEntity, rows.slice(i, i + 500));
    await setPlanningDefaults(m, {
      ...(s.objective ? { objective: s.objective } : {}),
      ...(s.travel ? { travel: s.travel } : {}),
      ...(s.rules ? { rules: s.rules } : {}),
    });
  });
}
