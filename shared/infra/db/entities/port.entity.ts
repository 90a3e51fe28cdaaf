import { Entity, PrimaryColumn } from "typeorm";
import { PlaceColumns } from "./place.columns.js";

@Entity("port")
export class PortEntity extends PlaceColumns {
  /** UN/LOCODE, e.g. IDBDJ. */
  @PrimaryColumn("text") id!: string;
}
