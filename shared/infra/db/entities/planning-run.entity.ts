import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

export const RUN_STATES = ["queued", "active", "completed", "failed", "cancelled"] as const;
export type RunState = (typeof RUN_STATES)[number];

@Entity("planning_run")
export class PlanningRunEntity {
  @PrimaryColumn("uuid") id!: string;
  @Column("text") state!: RunState;
  @Column("integer", { default: 0 }) progress!: number;
  /** What the coordinator asked for: region or ports, horizon. */
  @Column("jsonb") request!: unknown;
  /** The Scenario built from the database at enqueue time: what the solver saw. */
  @Column("jsonb") scenario!: unknown;
  /** Containers kept from earlier plans (confirmed or further), by id. */
  @Column("jsonb", { default: () => "'[]'" }) keptContainers!: string[];
  /** The newest plan version when the scenario was read; null for runs older than this column. */
  @Column("integer", { nullable: true }) baseVersion!: number | null;
  @Column("integer", { nullable: true }) planVersion!: number | null;
  @Column("jsonb", { nullable: true }) errors!: { path: string; message: string }[] | null;
  /** Stored records the run left out because the planner cannot use them, each with why. */
  @Column("jsonb", { default: () => "'[]'" }) skipped!: {
    record: string;
    id: string;
    errors: { path: string; message: string }[];
  }[];
  @Column("uuid", { nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
  @UpdateDateColumn({ type: "timestamptz" }) updatedAt!: Date;
  @Column("timestamptz", { nullable: true }) finishedAt!: Date | null;
}
