import { Column, Entity, Index, PrimaryColumn } from "typeorm";

@Entity("sailing")
export class SailingEntity {
  @PrimaryColumn("text") id!: string;
  @Index() @Column("text") port!: string;
  /** Instants kept as text so the offset the coordinator wrote survives. */
  @Column("text") departure!: string;
  @Column("text") cutoff!: string;
  @Column("jsonb", { nullable: true }) destinations!: string[] | null;
  @Column("integer", { nullable: true }) maxContainers!: number | null;
  /** Sea boxes it takes when the scenario has box types; null = unlimited. */
  @Column("integer", { nullable: true }) maxBoxes!: number | null;
}
