/** Columns every located thing shares (village, port, depot); `null` where the scenario omits them. */
import { Column } from "typeorm";

export abstract class PlaceColumns {
  @Column("text", { nullable: true }) name!: string | null;
  @Column("double precision", { nullable: true }) lat!: number | null;
  @Column("double precision", { nullable: true }) lon!: number | null;
  @Column("double precision", { nullable: true }) x!: number | null;
  @Column("double precision", { nullable: true }) y!: number | null;
  @Column("text", { nullable: true }) timeZone!: string | null;
  @Column("text", { nullable: true }) island!: string | null;
}
