import { Column, Entity, PrimaryColumn } from "typeorm";
import { PlaceColumns } from "./place.columns.js";

@Entity("depot")
export class DepotEntity extends PlaceColumns {
  @PrimaryColumn("text") id!: string;
  /** Container type id -> how many; null = unlimited (the scenario's convention). */
  @Column("jsonb", { nullable: true }) fleet!: Record<string, number> | null;
}
