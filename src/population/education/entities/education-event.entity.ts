import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { Audience } from '../../shared/audience.js';
import type { EventKind, EventStatus } from '../domain/registration-rules.js';

/** A scheduled lecture (讲座) or workshop (工作坊) with a capacity and, optionally, a waiting list. */
@Entity('edu_events')
@Index('idx_edu_events_unit_starts', ['orgUnitId', 'startsAt'])
export class EducationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @JsonColumn()
  audience: Audience;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @TimestampColumn({ name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 1000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'integer' })
  capacity: number;

  /** When full: true puts new registrations on the waiting list, false refuses them (409 EVENT_FULL). */
  @Column({ name: 'allow_waitlist', type: 'boolean', default: true })
  allowWaitlist: boolean;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status: EventStatus;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
