import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One load line's share of what moving it costs (spec rule 9): of its container's cost
 * (`truck`) and of its box's freight. A later plan version that changes a box (a late
 * shipment) re-splits the freight, so rows carry `current` like containers do.
 */
@Entity("charge")
export class ChargeEntity {
  @PrimaryGeneratedColumn("increment") id!: number;
  @Column("integer") planVersion!: number;
  @Index() @Column("text") containerId!: string;
  @Index() @Column("text") shipmentId!: string;
  @Column("integer") packages!: number;
  @Column("double precision") truck!: number;
  @Column("double precision") freight!: number;
  @Index() @Column("boolean") current!: boolean;
}
