/**
 * The TypeORM data source: migrations run at start, never `synchronize`, so the schema
 * only ever changes through a reviewed migration file.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { ENTITIES } from "./entities/index.js";
import { InitialSchema1767225600000 } from "./migrations/1767225600000-initial-schema.migration.js";
import { SeaBoxes1795971205023 } from "./migrations/1795971205023-sea-boxes.migration.js";

export const MIGRATIONS = [InitialSchema1767225600000, SeaBoxes1795971205023];

export interface DataSourceOptions {
  url: string;
  /** Connections in the pool; the embedded socket serialises queries anyway. */
  poolSize?: number;
}

export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({
    type: "postgres",
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
  });
  await ds.initialize();
  return ds;
}
