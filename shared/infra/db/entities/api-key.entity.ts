import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

export const ROLES = ["coordinator", "bumdes", "exporter"] as const;
export type Role = (typeof ROLES)[number];

/** Keys are stored as a SHA-256 hash: they are long random tokens, so a slow hash buys nothing. */
@Entity("api_key")
export class ApiKeyEntity {
  @PrimaryGeneratedColumn("uuid") id!: string;
  @Column("text", { unique: true }) keyHash!: string;
  /** First characters of the key, so a coordinator can tell keys apart without the secret. */
  @Column("text") prefix!: string;
  @Column("text") role!: Role;
  @Column("text", { nullable: true }) label!: string | null;
  /** bumdes: the village ids it speaks for. */
  @Column("jsonb", { nullable: true }) villages!: string[] | null;
  /** exporter: the exporter name its shipments carry. */
  @Column("text", { nullable: true }) exporter!: string | null;
  @CreateDateColumn({ type: "timestamptz" }) createdAt!: Date;
  @Column("timestamptz", { nullable: true }) revokedAt!: Date | null;
  /** Past this instant the key answers 401 "expired API key"; null = never. */
  @Column("timestamptz", { nullable: true }) expiresAt!: Date | null;
}
