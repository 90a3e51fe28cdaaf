import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Sea boxes (issue 9, spec rules 8 and 9): box types as reference data, the slots and
 * tare of container types, a sailing's box limit, the boxes a plan loads its containers
 * into, and each load line's charges. Hand-written SQL that runs on PostgreSQL and PGlite.
 * Slots are double precision, not integer: the Scenario's numbers are plain numbers and
 * the store must not refuse what the planner accepts.
 */
export class SeaBoxes1795971205023 implements MigrationInterface {
  name = "SeaBoxes1795971205023";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "box_type" ("id" text PRIMARY KEY, "slots" double precision NOT NULL,
      "maxWeightKg" double precision NOT NULL, "reefer" boolean, "freight" double precision)`);
    await q.query(`ALTER TABLE "container_type" ADD COLUMN "boxSlots" double precision`);
    await q.query(`ALTER TABLE "container_type" ADD COLUMN "tareKg" double precision`);
    await q.query(`ALTER TABLE "sailing" ADD COLUMN "maxBoxes" integer`);
    // A box of a stored plan version; `current` follows its containers (see box.store.ts).
    await q.query(`CREATE TABLE "box" ("id" text PRIMARY KEY, "planVersion" integer NOT NULL,
      "type" text NOT NULL, "sailing" text NOT NULL, "slots" double precision NOT NULL,
      "usedSlots" double precision NOT NULL, "maxWeightKg" double precision NOT NULL,
      "reefer" boolean NOT NULL DEFAULT false, "weightKg" double precision NOT NULL,
      "freight" double precision NOT NULL, "current" boolean NOT NULL,
      "createdAt" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_box_sailing" ON "box" ("sailing")`);
    await q.query(`CREATE INDEX "IDX_box_current" ON "box" ("current")`);
    await q.query(`CREATE INDEX "IDX_box_planVersion" ON "box" ("planVersion")`);
    // Which containers ride in a box, in loading order: the join role scoping reads.
    await q.query(`CREATE TABLE "box_container" ("boxId" text NOT NULL REFERENCES "box" ("id") ON DELETE CASCADE,
      "containerId" text NOT NULL REFERENCES "container" ("id") ON DELETE CASCADE,
      "position" integer NOT NULL, PRIMARY KEY ("boxId", "containerId"))`);
    await q.query(`CREATE INDEX "IDX_box_container_containerId" ON "box_container" ("containerId")`);
    // Plan.charges: one row per load line; a later version (a late shipment) may re-split them.
    await q.query(`CREATE TABLE "charge" ("id" SERIAL PRIMARY KEY, "planVersion" integer NOT NULL,
      "containerId" text NOT NULL REFERENCES "container" ("id") ON DELETE CASCADE,
      "shipmentId" text NOT NULL, "packages" integer NOT NULL, "truck" double precision NOT NULL,
      "freight" double precision NOT NULL, "current" boolean NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_charge_containerId" ON "charge" ("containerId")`);
    await q.query(`CREATE INDEX "IDX_charge_shipmentId" ON "charge" ("shipmentId")`);
    await q.query(`CREATE INDEX "IDX_charge_current" ON "charge" ("current")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["charge", "box_container", "box", "box_type"])
      await q.query(`DROP TABLE IF EXISTS "${table}"`);
    await q.query(`ALTER TABLE "sailing" DROP COLUMN IF EXISTS "maxBoxes"`);
    await q.query(`ALTER TABLE "container_type" DROP COLUMN IF EXISTS "tareKg"`);
    await q.query(`ALTER TABLE "container_type" DROP COLUMN IF EXISTS "boxSlots"`);
  }
}
