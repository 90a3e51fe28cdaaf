import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One change: when, by which key (and its role), what was done to which item. */
@Entity("audit_log")
export class AuditEntryEntity {
  @PrimaryGeneratedColumn("increment", { type: "bigint" }) id!: string;
  @Index() @Column("timestamptz") at!: Date;
  /** null for changes made by the service itself (none recorded today) */
  @Index() @Column("uuid", { nullable: true }) keyId!: string | null;
  @Column("text", { nullable: true }) role!: string | null;
  /** `<resource>.<verb>`: key.create, container.status, village.update, settings.update, ... */
  @Column("text") action!: string;
  @Column("text") resource!: string;
  @Column("text") resourceId!: string;
  /** One sentence a coordinator reads. */
  @Column("text") summary!: string;
  /** What changed: `{before, after}` of the fields that changed (no secrets). */
  @Column("jsonb", { nullable: true }) changes!: { before?: unknown; after?: unknown } | null;
}
