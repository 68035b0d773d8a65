import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CadreLevel, EmploymentStatus, Gender, SpecialPost } from '../../../people/workers/worker-facts.js';
import { CreatedAtColumn, IdColumn, JsonColumn, TimestampColumn } from '../../../platform/database/columns.js';

/** Optional profile-fact filters: a worker is targeted when every given filter matches (values within one: any). */
export interface CampaignFilters {
  gender?: Gender[];
  cadreLevel?: CadreLevel[];
  specialPost?: SpecialPost[];
  employmentStatus?: EmploymentStatus[];
  /** Inclusive; a worker without a birth year does not match a birth-year filter. */
  birthYearFrom?: number;
  birthYearTo?: number;
}

/**
 * Who a campaign reaches: `units` (the workers of the target units' subtrees, narrowed by the filters) or `members` (an
 * explicit list of workers in campaign_members, e.g. the workers affected by a critical incident).
 */
export type CampaignAudience = 'units' | 'members';

/**
 * 测评活动: a unit asks the workers of some units (each with its subtree), optionally narrowed by profile facts, to
 * complete some instruments between two dates. Reminders go to those who have not completed every instrument.
 */
@Entity('screening_campaigns')
@Index('idx_screening_campaigns_unit', ['orgUnitId', 'opensAt'])
@Index('idx_screening_campaigns_window', ['closesAt', 'opensAt'])
export class ScreeningCampaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The launching unit (the creator's); staff of this unit's subtree manage it. */
  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @JsonColumn({ name: 'instrument_codes' })
  instrumentCodes: string[];

  @JsonColumn()
  filters: CampaignFilters;

  @Column({ type: 'varchar', length: 10, default: 'units' })
  audience: CampaignAudience;

  @TimestampColumn({ name: 'opens_at' })
  opensAt: Date;

  @TimestampColumn({ name: 'closes_at' })
  closesAt: Date;

  /** Set when closed early by hand. */
  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Days between reminders, the first this many days after opening; 0 sends none. */
  @Column({ name: 'reminder_interval_days', type: 'integer' })
  reminderIntervalDays: number;

  /** The reminder round in progress and when it started (read by the set-based reminder insert). */
  @Column({ name: 'reminder_round', type: 'integer', default: 0 })
  reminderRound: number;

  @TimestampColumn({ name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @IdColumn({ name: 'created_by' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A target unit of a campaign; the campaign reaches the unit and everything below it. */
@Entity('campaign_targets')
export class CampaignTarget {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;
}

/** A worker of a `members` campaign (an explicit list, written once when the campaign is created). */
@Entity('campaign_members')
@Index('idx_campaign_members_worker', ['workerId'])
export class CampaignMember {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;
}

/**
 * One reminder to one worker in one round: the key (campaign, round, worker) is the dedupe key, so a worker is
 * reminded at most once per round however often the job runs.
 */
@Entity('campaign_reminders')
@Index('idx_campaign_reminders_pending', ['campaignId', 'round', 'notifiedAt'])
export class CampaignReminder {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ type: 'integer' })
  round: number;

  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  /** The worker's account the notification goes to. */
  @IdColumn({ name: 'user_id' })
  userId: string;

  @TimestampColumn({ name: 'notified_at', nullable: true })
  notifiedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
