import { Column, Entity, PrimaryColumn } from "typeorm";
import { PlaceColumns } from "./place.columns.js";

@Entity("village")
export class VillageEntity extends PlaceColumns {
  /** The village code (kode desa). */
  @PrimaryColumn("text") id!: string;
  @Column("text", { nullable: true }) bumdes!: string | null;
  @Column("jsonb", { nullable: true }) pickupWindows!: { open: string; close: string }[] | null;
  @Column("double precision", { nullable: true }) serviceMinutes!: number | null;
}
