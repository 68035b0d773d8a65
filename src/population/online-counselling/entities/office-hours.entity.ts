import { Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';
import type { OfficeHoursWindow } from '../domain/office-hours.js';

/** A counsellor's office hours for online messages (local time, ONLINE_COUNSELLING_TIMEZONE). */
@Entity('online_office_hours')
export class OfficeHours {
  @PrimaryColumn({ name: 'counsellor_id', type: 'uuid' })
  counsellorId: string;

  @JsonColumn()
  windows: OfficeHoursWindow[];

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;
}
