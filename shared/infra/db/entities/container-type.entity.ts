import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity("container_type")
export class ContainerTypeEntity {
  @PrimaryColumn("text") id!: string;
  @Column("double precision") maxWeightKg!: number;
  @Column("double precision") maxVolumeM3!: number;
  @Column("boolean", { nullable: true }) reefer!: boolean | null;
  @Column("double precision", { nullable: true }) fixedCost!: number | null;
  @Column("double precision", { nullable: true }) costPerKm!: number | null;
}
