import { Column, Entity, PrimaryColumn } from "typeorm";

/** A sea box (e.g. a 20 ft dry "20GP" or reefer "20RF") village containers ride in, unopened. */
@Entity("box_type")
export class BoxTypeEntity {
  @PrimaryColumn("text") id!: string;
  /** Village-container slots, e.g. 3. */
  @Column("double precision") slots!: number;
  /** Payload: the containers' loads plus their tare. */
  @Column("double precision") maxWeightKg!: number;
  @Column("boolean", { nullable: true }) reefer!: boolean | null;
  /** IDR for one box on a sailing (sea freight and port charges). */
  @Column("double precision", { nullable: true }) freight!: number | null;
}
