import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { PlanStop } from "../../../core/model/plan.js";

export const CONTAINER_STATUSES = [
  "planned",
  "confirmed",
  "picking-up",
  "picked-up",
  "at-port",
  "sailed",
] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number] | "superseded";

export interface ContainerStop extends PlanStop {
  pickedUpAt?: string;
}

export interface ContainerEvent {
  status: ContainerStatus;
  at: string;
  /** The API key id and its role; "planner" for the worker that created it. */
  by: string;
  role: string;
  stop?: number;
}

/** A planned container (one trip) and where it is in its lifecycle. */
@Entity("container")
export class ContainerEntity {
  /** `v<plan version>-<solver id>`: stable, readable in manifests. */
  @PrimaryColumn("text") id!: string;
  @Index() @Column("integer") planVersion!: number;
  @Column("text") type!: string;
  @Column("text") depot!: string;
  @Index() @Column("text") port!: string;
  @Column("text", { nullable: true }) sailing!: string | null;
  @Column("text") departDepot!: string;
  @Column("text") portArrival!: string;
  @Column("double precision") distanceKm!: number;
  @Column("double precision") cost!: number;
  @Column("double precision") weightKg!: number;
  @Column("double precision") volumeM3!: number;
  @Column("double precision") maxWeightKg!: number;
  @Column("double precision") maxVolumeM3!: number;
  @Column("jsonb") stops!: ContainerStop[];
  @Index() @Column("text") status!: ContainerStatus;
  @Column("jsonb") history!: ContainerEvent[];
  /** False once a later plan replaced it (only ever for containers still "planned"). */
  @Index() @Column("boolean") current!: boolean;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
  @UpdateDateColumn({ type: "timestamptz" }) updatedAt!: Date;
}
