import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import type { Plan } from "../../../core/model/plan.js";

/** One stored plan per completed run; the version orders them. */
@Entity("plan")
export class PlanEntity {
  @PrimaryColumn("integer") version!: number;
  @Column("uuid", { unique: true }) runId!: string;
  /** The solver's Plan for what it was given (kept containers are not in it). */
  @Column("jsonb") plan!: Plan;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
}
