import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { CERTIFICATION_LABELS } from '../domain/training-catalogue.js';
import { Certification } from '../entities/certification.entity.js';
import { CertificationsService, EXPIRY_JOB } from './certifications.service.js';

/**
 * At a certification's expiry (a job queued when it was issued, so it runs after a restart too): unless it was
 * revoked or renewed meanwhile, it is flagged (`expiryFlaggedAt`) to the holder's supervisor — the active supervisors
 * of the holder's unit, or of the nearest unit above it that has any, the holder excepted — and to the holder.
 * Runs in the job's transaction, so the flag and the notices are written exactly once.
 */
@Injectable()
export class CertificationExpiry implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly certifications: CertificationsService,
    private readonly users: UsersService,
    private readonly orgUnits: OrgUnitsService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.queue.register(EXPIRY_JOB, (payload, _job, manager) => this.flag(manager!, String(payload.certificationId)), { transactional: true });
  }

  private async flag(manager: EntityManager, certificationId: string): Promise<void> {
    const certification = await manager.findOne(Certification, { where: { id: certificationId } });
    const now = this.clock.now();
    if (!certification || certification.revokedAt || certification.expiryFlaggedAt || certification.expiresAt > now) return;
    const holder = await this.users.findById(manager, certification.userId);
    if (!holder) return;
    if (this.certifications.renewed(await this.certifications.ofUser(manager, holder.id), certification, now)) return;
    certification.expiryFlaggedAt = now;
    await manager.save(certification);
    const label = CERTIFICATION_LABELS[certification.type] ?? { zh: certification.type, en: certification.type };
    for (const unit of await this.orgUnits.ancestry(manager, holder.orgUnitId)) {
      const supervisors = (await this.users.staffOf(manager, [unit.id], ['supervisor'])).filter((u) => u.id !== holder.id);
      if (supervisors.length === 0) continue;
      await this.notifications.notify(
        manager,
        supervisors.map((u) => ({ userId: u.id, email: u.email })),
        {
          kind: 'certification_expired',
          title: `证书已过期：${holder.displayName}（${label.zh}） / Certification expired: ${holder.displayName} (${label.en})`,
          body: `${holder.displayName} 的“${label.zh}”证书已于今日到期，请安排复训或调整其工作安排。 / ${holder.displayName}'s ${label.en} certification has expired; arrange refresher training or adjust their assignments.`,
          link: `/certifications?userId=${holder.id}`,
        },
      );
      break;
    }
    await this.notifications.notify(manager, [{ userId: holder.id, email: holder.email }], {
      kind: 'certification_expired',
      title: `你的证书已过期：${label.zh} / Your certification has expired: ${label.en}`,
      body: '请联系督导安排复训。 / Please ask your supervisor about refresher training.',
      link: '/me/training',
    });
  }
}
