import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, DAY } from '../../../platform/clock/clock.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { CampaignReminder, ScreeningCampaign } from '../entities/screening-campaign.entity.js';
import { whereInAudience } from './campaign-audience.js';
import { campaignStatus } from './campaign-mapper.js';

export const REMIND_JOB = 'campaign.remind';
export const DELIVER_JOB = 'campaign.remind.deliver';
const BATCH = 500;

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/**
 * Reminders to workers who have not finished a campaign, through the job queue:
 * 1. `campaign.remind` (one per round, every `reminderIntervalDays` while open) finds the non-responders with one
 *    set-based INSERT … SELECT into `campaign_reminders`, whose key (campaign, round, worker) is the dedupe key;
 * 2. `campaign.remind.deliver` notifies them 500 at a time, marking each row, so no transaction grows with the
 *    size of the audience and a retried batch never notifies anyone twice.
 */
@Injectable()
export class CampaignReminders implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.queue.register(REMIND_JOB, (payload, _job, manager) => this.startRound(manager!, String(payload.campaignId), Number(payload.round)), {
      transactional: true,
    });
    this.queue.register(
      DELIVER_JOB,
      (payload, _job, manager) => this.deliver(manager!, String(payload.campaignId), Number(payload.round), Number(payload.batch)),
      { transactional: true },
    );
  }

  /** Enqueues round `round` at opensAt + round × interval, unless that is after the campaign closes. */
  async schedule(manager: EntityManager, campaign: ScreeningCampaign, round: number): Promise<void> {
    if (campaign.reminderIntervalDays === 0) return;
    const runAt = new Date(campaign.opensAt.getTime() + round * campaign.reminderIntervalDays * DAY);
    if (runAt >= campaign.closesAt) return;
    await this.queue.enqueue(manager, REMIND_JOB, { campaignId: campaign.id, round }, { runAt, dedupeKey: remindKey(campaign.id, round) });
  }

  async cancelPending(manager: EntityManager, campaign: ScreeningCampaign): Promise<void> {
    await this.queue.cancel(manager, remindKey(campaign.id, campaign.reminderRound + 1));
  }

  private async startRound(manager: EntityManager, campaignId: string, round: number): Promise<void> {
    const campaign = await manager.findOne(ScreeningCampaign, { where: { id: campaignId } });
    if (!campaign || campaignStatus(campaign, this.clock.now()) !== 'open' || campaign.reminderRound >= round) return;
    // The INSERT below reads the round and its time from the campaign row (typed columns, no casts per dialect).
    await manager.update(ScreeningCampaign, { id: campaign.id }, { reminderRound: round, remindedAt: this.clock.now() });
    const select = this.nonResponders(manager, campaign)
      .select('c.id', 'campaign_id')
      .addSelect('c.reminder_round', 'round')
      .addSelect('w.id', 'worker_id')
      .addSelect('u.id', 'user_id')
      .addSelect('c.reminded_at', 'created_at')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM campaign_reminders x WHERE x.campaign_id = c.id AND x.round = c.reminder_round AND x.worker_id = w.id)',
      );
    const [sql, params] = select.getQueryAndParameters();
    // The query builder orders its SELECT list by alias, so columns are matched by name, never by position.
    await manager.query(
      `INSERT INTO campaign_reminders (campaign_id, round, worker_id, user_id, created_at)
       SELECT s.campaign_id, s.round, s.worker_id, s.user_id, s.created_at FROM (${sql}) s`,
      params,
    );
    await this.queue.enqueue(manager, DELIVER_JOB, { campaignId, round, batch: 1 }, { dedupeKey: `${DELIVER_JOB}:${campaignId}:${round}:1` });
    await this.schedule(manager, campaign, round + 1);
  }

  private async deliver(manager: EntityManager, campaignId: string, round: number, batch: number): Promise<void> {
    const campaign = await manager.findOne(ScreeningCampaign, { where: { id: campaignId } });
    if (!campaign || campaignStatus(campaign, this.clock.now()) !== 'open') return;
    const rows = await this.nonResponders(manager, campaign)
      .innerJoin('campaign_reminders', 'cr', 'cr.campaign_id = c.id AND cr.worker_id = w.id AND cr.round = :round AND cr.notified_at IS NULL', { round })
      .select('cr.worker_id', 'workerId')
      .addSelect('u.id', 'userId')
      .addSelect('u.email', 'email')
      .orderBy('cr.worker_id')
      .limit(BATCH)
      .getRawMany<{ workerId: string; userId: string; email: string | null }>();
    if (rows.length === 0) return;
    await this.notifications.notify(manager, rows.map((r) => ({ userId: r.userId, email: r.email })), reminderMessage(campaign));
    await manager
      .createQueryBuilder()
      .update(CampaignReminder)
      .set({ notifiedAt: this.clock.now() })
      .where('campaign_id = :campaignId AND round = :round AND worker_id IN (:...workerIds)', { campaignId, round, workerIds: rows.map((r) => r.workerId) })
      .execute();
    if (rows.length === BATCH) {
      await this.queue.enqueue(manager, DELIVER_JOB, { campaignId, round, batch: batch + 1 }, { dedupeKey: `${DELIVER_JOB}:${campaignId}:${round}:${batch + 1}` });
    }
  }

  /** Workers the campaign reaches, with an active account, who have not answered every instrument (set-based). */
  private nonResponders(manager: EntityManager, campaign: ScreeningCampaign) {
    const qb = manager
      .createQueryBuilder()
      .from('workers', 'w')
      .innerJoin('users', 'u', 'u.worker_id = w.id AND u.active')
      .innerJoin('screening_campaigns', 'c', 'c.id = :reminderCampaignId', { reminderCampaignId: campaign.id })
      .where(
        '(SELECT COUNT(DISTINCT r.instrument_code) FROM assessment_results r WHERE r.campaign_id = c.id AND r.worker_id = w.id) < :instrumentCount',
        { instrumentCount: campaign.instrumentCodes.length },
      );
    return whereInAudience(qb, campaign.id, campaign.filters, 'w', campaign.audience);
  }
}

const remindKey = (campaignId: string, round: number) => `${REMIND_JOB}:${campaignId}:${round}`;

function reminderMessage(campaign: ScreeningCampaign) {
  const title = campaign.title.length > 100 ? `${campaign.title.slice(0, 99)}…` : campaign.title;
  const closes = SHANGHAI.format(campaign.closesAt);
  return {
    kind: 'campaign_reminder',
    title: `测评活动提醒：${title} / Screening reminder`,
    body:
      `「${title}」将于 ${closes}（北京时间）截止。只需几分钟，你的回答会被保密，只有为你服务的心理服务人员能看到。` +
      ` / "${title}" closes on ${closes} (Beijing time). It takes a few minutes; your answers are confidential and seen only by the counsellors serving you.`,
    link: `/me/campaigns/${campaign.id}`,
  };
}
