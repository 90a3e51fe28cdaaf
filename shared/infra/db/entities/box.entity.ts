import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/** A sea box of a stored plan version: which sailing it rides and what it weighs and costs. */
@Entity("box")
export class BoxEntity {
  /** `v<plan version>-<solver id>`, like containers. */
  @PrimaryColumn("text") id!: string;
  @Index() @Column("integer") planVersion!: number;
  @Column("text") type!: string;
  @Index() @Column("text") sailing!: string;
  /** The box type's slots and payload when it was planned, so a later edit of the type does not rewrite history. */
  @Column("double precision") slots!: number;
  @Column("double precision") usedSlots!: number;
  @Column("double precision") maxWeightKg!: number;
  @Column("boolean", { default: false }) reefer!: boolean;
  /** Loads plus tare. */
  @Column("double precision") weightKg!: number;
  @Column("double precision") freight!: number;
  /** True while at least one of its containers is current. */
  @Index() @Column("boolean") current!: boolean;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
}
