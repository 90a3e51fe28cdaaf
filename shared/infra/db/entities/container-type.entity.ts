import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("container_type")
export class ContainerTypeEntity {
  @PrimaryColumn("text") id!: string;
  @Column("double precision") maxWeightKg!: number;
  @Column("double precision") maxVolumeM3!: number;
  @Column("boolean", { nullable: true }) reefer!: boolean | null;
  @Column("double precision", { nullable: true }) fixedCost!: number | null;
  @Column("double precision", { nullable: true }) costPerKm!: number | null;
  /** Slots it takes in a sea box (null: 1). */
  @Column("double precision", { nullable: true }) boxSlots!: number | null;
  /** Its empty weight, counted against a box's payload (null: 0). */
  @Column("double precision", { nullable: true }) tareKg!: number | null;
}
