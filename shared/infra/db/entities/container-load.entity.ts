import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Which packages of which shipment ride in which container, at which stop: the join that role scoping reads. */
@Entity("container_load")
export class ContainerLoadEntity {
  @PrimaryGeneratedColumn("increment") id!: number;
  @Index() @Column("text") containerId!: string;
  @Column("integer") stopIndex!: number;
  @Index() @Column("text") shipmentId!: string;
  @Column("text") village!: string;
  @Column("integer") packages!: number;
  @Column("double precision") weightKg!: number;
  @Column("double precision") volumeM3!: number;
}
