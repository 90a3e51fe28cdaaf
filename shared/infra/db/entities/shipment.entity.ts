import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

/** open: waiting for a plan; planned: in a current container; unassigned: the last plan could not take it. */
export const SHIPMENT_STATUSES = ["open", "planned", "unassigned", "cancelled"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** The lists' order, and a BUMDes' or exporter's list in it (migration list-indexes). */
@Entity("shipment")
@Index(["createdAt", "id"])
@Index(["village", "createdAt", "id"])
@Index(["exporter", "createdAt", "id"])
export class ShipmentEntity {
  @PrimaryColumn("text") id!: string;
  @Column("text") village!: string;
  @Column("text", { nullable: true }) product!: string | null;
  @Column("text", { nullable: true }) handling!: string | null;
  @Column("double precision") weightKg!: number;
  @Column("double precision", { nullable: true }) volumeM3!: number | null;
  @Column("integer", { nullable: true }) packages!: number | null;
  @Column("text", { nullable: true }) readyAt!: string | null;
  @Column("text", { nullable: true }) sailBy!: string | null;
  @Column("text", { nullable: true }) destination!: string | null;
  @Column("text", { nullable: true }) exporter!: string | null;
  @Index() @Column("text", { default: "open" }) status!: ShipmentStatus;
  /** The container carrying it (the first one when split) and when the truck loads it. */
  @Column("text", { nullable: true }) containerId!: string | null;
  @Column("text", { nullable: true }) pickupAt!: string | null;
  @Column("integer", { nullable: true }) planVersion!: number | null;
  @Column("text", { nullable: true }) unassignedReason!: string | null;
  @Column("text", { nullable: true }) unassignedDetail!: string | null;
  @Column("uuid", { nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
}
