import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** The key that enqueued a stateless solve; planning runs have their own `createdBy`. */
@Entity("job_owner")
export class JobOwnerEntity {
  @PrimaryColumn("text") jobId!: string;
  @Column("uuid") keyId!: string;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
}
