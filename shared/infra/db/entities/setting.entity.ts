import { Column, Entity, PrimaryColumn } from "typeorm";

/** Small named documents: planning defaults (objective, travel, product rules). */
@Entity("setting")
export class SettingEntity {
  @PrimaryColumn("text") key!: string;
  @Column("jsonb") value!: unknown;
}
