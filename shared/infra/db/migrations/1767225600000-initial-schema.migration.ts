import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The first schema. Written by hand (not generated) so it runs the same on PostgreSQL
 * and on PGlite; gen_random_uuid() is core PostgreSQL 13+, no extension needed.
 */
export class InitialSchema1767225600000 implements MigrationInterface {
  name = "InitialSchema1767225600000";

  async up(q: QueryRunner): Promise<void> {
    const place = `"name" text, "lat" double precision, "lon" double precision, "x" double precision,
      "y" double precision, "timeZone" text, "island" text`;
    await q.query(`CREATE TABLE "village" ("id" text PRIMARY KEY, ${place}, "bumdes" text,
      "pickupWindows" jsonb, "serviceMinutes" double precision)`);
    await q.query(`CREATE TABLE "port" ("id" text PRIMARY KEY, ${place})`);
    await q.query(`CREATE TABLE "depot" ("id" text PRIMARY KEY, ${place}, "fleet" jsonb)`);
    await q.query(`CREATE TABLE "sailing" ("id" text PRIMARY KEY, "port" text NOT NULL, "departure" text NOT NULL,
      "cutoff" text NOT NULL, "destinations" jsonb, "maxContainers" integer)`);
    await q.query(`CREATE INDEX "IDX_sailing_port" ON "sailing" ("port")`);
    await q.query(`CREATE TABLE "container_type" ("id" text PRIMARY KEY, "maxWeightKg" double precision NOT NULL,
      "maxVolumeM3" double precision NOT NULL, "reefer" boolean, "fixedCost" double precision,
      "costPerKm" double precision)`);
    await q.query(`CREATE TABLE "shipment" ("id" text PRIMARY KEY, "village" text NOT NULL, "product" text,
      "handling" text, "weightKg" double precision NOT NULL, "volumeM3" double precision, "packages" integer,
      "readyAt" text, "sailBy" text, "destination" text, "exporter" text, "status" text NOT NULL DEFAULT 'open',
      "containerId" text, "pickupAt" text, "planVersion" integer, "unassignedReason" text,
      "unassignedDetail" text, "createdBy" uuid, "createdAt" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_shipment_village" ON "shipment" ("village")`);
    await q.query(`CREATE INDEX "IDX_shipment_exporter" ON "shipment" ("exporter")`);
    await q.query(`CREATE INDEX "IDX_shipment_status" ON "shipment" ("status")`);
    await q.query(`CREATE TABLE "api_key" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "keyHash" text NOT NULL UNIQUE, "prefix" text NOT NULL, "role" text NOT NULL, "label" text,
      "villages" jsonb, "exporter" text, "createdAt" timestamptz NOT NULL DEFAULT now(), "revokedAt" timestamptz)`);
    await q.query(`CREATE TABLE "setting" ("key" text PRIMARY KEY, "value" jsonb NOT NULL)`);
    await q.query(`CREATE TABLE "planning_run" ("id" uuid PRIMARY KEY, "state" text NOT NULL,
      "progress" integer NOT NULL DEFAULT 0, "request" jsonb NOT NULL, "scenario" jsonb NOT NULL,
      "keptContainers" jsonb NOT NULL DEFAULT '[]', "planVersion" integer, "errors" jsonb, "createdBy" uuid,
      "createdAt" timestamptz NOT NULL DEFAULT now(), "updatedAt" timestamptz NOT NULL DEFAULT now(),
      "finishedAt" timestamptz)`);
    await q.query(`CREATE TABLE "plan" ("version" integer PRIMARY KEY, "runId" uuid NOT NULL UNIQUE,
      "plan" jsonb NOT NULL, "createdAt" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "container" ("id" text PRIMARY KEY, "planVersion" integer NOT NULL,
      "type" text NOT NULL, "depot" text NOT NULL, "port" text NOT NULL, "sailing" text,
      "departDepot" text NOT NULL, "portArrival" text NOT NULL, "distanceKm" double precision NOT NULL,
      "cost" double precision NOT NULL, "weightKg" double precision NOT NULL,
      "volumeM3" double precision NOT NULL, "maxWeightKg" double precision NOT NULL,
      "maxVolumeM3" double precision NOT NULL, "stops" jsonb NOT NULL, "status" text NOT NULL,
      "history" jsonb NOT NULL, "current" boolean NOT NULL, "createdAt" timestamptz NOT NULL DEFAULT now(),
      "updatedAt" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_container_planVersion" ON "container" ("planVersion")`);
    await q.query(`CREATE INDEX "IDX_container_port" ON "container" ("port")`);
    await q.query(`CREATE INDEX "IDX_container_status" ON "container" ("status")`);
    await q.query(`CREATE INDEX "IDX_container_current" ON "container" ("current")`);
    await q.query(`CREATE TABLE "container_load" ("id" SERIAL PRIMARY KEY, "containerId" text NOT NULL
      REFERENCES "container" ("id") ON DELETE CASCADE, "stopIndex" integer NOT NULL, "shipmentId" text NOT NULL,
      "village" text NOT NULL, "packages" integer NOT NULL, "weightKg" double precision NOT NULL,
      "volumeM3" double precision NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_container_load_containerId" ON "container_load" ("containerId")`);
    await q.query(`CREATE INDEX "IDX_container_load_shipmentId" ON "container_load" ("shipmentId")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "container_load",
      "container",
      "plan",
      "planning_run",
      "setting",
      "api_key",
      "shipment",
      "container_type",
      "sailing",
      "depot",
      "port",
      "village",
    ]) {
      await q.query(`DROP TABLE IF EXISTS "${table}"`);
    }
  }
}
