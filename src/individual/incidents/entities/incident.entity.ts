import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../../platform/crypto/field-cipher.js';
import { CreatedAtColumn, IdColumn, TimestampColumn, UpdatedAtColumn } from '../../../platform/database/columns.js';
import type { IncidentState, IncidentType, SessionKind } from '../domain/incident-rules.js';

/**
 * 特殊心理事件: a critical incident affecting the workers of a unit (its subtree) or a list of workers. The affected
 * group is fixed when it is recorded (incident_workers), so coverage is measured against a stable denominator.
 */
@Entity('critical_incidents')
@Index('idx_critical_incidents_unit', ['orgUnitId', 'occurredAt'])
export class CriticalIncident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The affected unit; for a list of workers, the recorder's unit. Staff whose scope holds it see the incident. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 30 })
  type: IncidentType;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** What happened (encrypted: it may name people). */
  @Column({ type: 'text', nullable: true, transformer: encrypted })
  description: string | null;

  @TimestampColumn({ name: 'occurred_at' })
  occurredAt: Date;

  /** `unit`: everybody in the unit's subtree when recorded; `workers`: a list. */
  @Column({ name: 'affected_by', type: 'varchar', length: 10 })
  affectedBy: 'unit' | 'workers';

  @Column({ name: 'affected_count', type: 'integer' })
  affectedCount: number;

  @Column({ type: 'varchar', length: 10 })
  state: IncidentState;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

@Entity('incident_workers')
@Index('idx_incident_workers_worker', ['workerId'])
export class IncidentWorker {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;
}

/** A psychological first aid or group debriefing session for the affected group. */
@Entity('incident_sessions')
@Index('idx_incident_sessions_incident', ['incidentId', 'startsAt'])
export class IncidentSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'incident_id' })
  incidentId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: SessionKind;

  @TimestampColumn({ name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  /** The counsellor leading it. */
  @IdColumn({ name: 'facilitator_id', nullable: true })
  facilitatorId: string | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}

/** Attendance of an affected worker at a session (re-recording overwrites: the latest word stands). */
@Entity('incident_attendance')
@Index('idx_incident_attendance_incident', ['incidentId', 'workerId'])
export class IncidentAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @IdColumn({ name: 'incident_id' })
  incidentId: string;

  @Column({ type: 'boolean' })
  attended: boolean;

  @IdColumn({ name: 'recorded_by' })
  recordedBy: string;

  @TimestampColumn({ name: 'recorded_at' })
  recordedAt: Date;
}

/** A re-screening campaign of an incident (created through the assessments module's CampaignsService). */
@Entity('incident_screenings')
export class IncidentScreening {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ type: 'integer' })
  round: number;

  @Column({ name: 'offset_days', type: 'integer' })
  offsetDays: number;

  @TimestampColumn({ name: 'opens_at' })
  opensAt: Date;

  @TimestampColumn({ name: 'closes_at' })
  closesAt: Date;
}
