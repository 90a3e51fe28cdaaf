import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** A container's place in a box: the join that role scoping reads (a key sees a box when it sees a container in it). */
@Entity("box_container")
export class BoxContainerEntity {
  @PrimaryColumn("text") boxId!: string;
  @Index() @PrimaryColumn("text") containerId!: string;
  /** 0-based loading order in the box. */
  @Column("integer") position!: number;
}
