import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per desk day: the last reference sequence handed out (taken with an atomic upsert). */
@Entity('desk_reference_counters')
export class DeskReferenceCounter {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day: string;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;
}
