import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { STORED_CONTAINER_STATUSES } from "../../../contracts/container-lifecycle.js";
import type { PlanStop } from "../../../core/model/plan.js";

/** A stored container is where the lifecycle put it, or superseded by a newer plan (the lifecycle's own list). */
export type ContainerStatus = (typeof STORED_CONTAINER_STATUSES)[number];

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
/** The current containers' list order (migration list-indexes). */
@Index(["departDepot", "id"], { where: '"current"' })
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
