import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { CertificationCheck } from '../../../platform/auth/certification-check.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { certificationState, expiryOf } from '../domain/certification-rules.js';
import type { CertificationType } from '../domain/training-catalogue.js';
import type { CertificationDto, CertificationQueryDto, CertifiedStaffDto, IssueCertificationDto } from '../dto/certification.dto.js';
import { Certification, type CertificationSource } from '../entities/certification.entity.js';
import { TrainingErrors } from '../training-errors.js';
import { toCertificationDto } from '../training.mapper.js';
import { TrainingAccess } from './training-access.service.js';

export const EXPIRY_JOB = 'certification.expiry';
export const expiryKey = (certificationId: string) => `${EXPIRY_JOB}:${certificationId}`;

export interface IssueInput {
  userId: string;
  type: CertificationType;
  issuedAt: Date;
  validMonths: number;
  source: CertificationSource;
  courseId: string | null;
}

/**
 * Certifications of staff (e.g. crisis_intervention, valid for some months). Exported, and bound to the platform's
 * CertificationCheck, so other tiers can ask who is certified: `isCertified(manager, userId, type, at)` and the
 * set-based `certifiedAmong(manager, userIds, type, at)`. Each issue queues a durable job at its expiry (see
 * CertificationExpiry).
 */
@Injectable()
export class CertificationsService extends CertificationCheck {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: TrainingAccess,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async isCertified(manager: EntityManager, userId: string, type: string, at: Date): Promise<boolean> {
    return (await this.certifiedAmong(manager, [userId], type, at)).has(userId);
  }

  async certifiedAmong(manager: EntityManager, userIds: readonly string[], type: string, at: Date): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await manager
      .createQueryBuilder()
      .from('certifications', 'c')
      .select('DISTINCT c.user_id', 'userId')
      .where('c.user_id IN (:...userIds) AND c.type = :type', { userIds: [...userIds], type })
      .andWhere('c.issued_at <= :at AND c.expires_at > :at AND (c.revoked_at IS NULL OR c.revoked_at > :at)', { at })
      .getRawMany<{ userId: string }>();
    return new Set(rows.map((r) => r.userId));
  }

  /** POST /certifications: an outside certificate, or one granted by hand. */
  issue(actor: Actor, input: IssueCertificationDto): Promise<CertificationDto> {
    const now = this.clock.now();
    const issuedAt = input.issuedAt ? new Date(input.issuedAt) : now;
    if (issuedAt > now) throw TrainingErrors.issuedInFuture();
    return this.transactions.run(async (manager) => {
      await this.access.requireStaff(manager, actor, [input.userId]);
      const certification = await this.issueIn(manager, actor, { userId: input.userId, type: input.type, issuedAt, validMonths: input.validMonths, source: 'manual', courseId: null });
      return toCertificationDto(certification, now);
    });
  }

  /** Issues in the caller's transaction (also a passed course assessment) and queues the expiry check. */
  async issueIn(manager: EntityManager, actor: Actor, input: IssueInput): Promise<Certification> {
    const certification = manager.create(Certification, {
      userId: input.userId,
      type: input.type,
      issuedAt: input.issuedAt,
      expiresAt: expiryOf(input.issuedAt, input.validMonths),
      source: input.source,
      courseId: input.courseId,
      issuedBy: actor.userId,
      revokedAt: null,
      revokedBy: null,
      expiryFlaggedAt: null,
    });
    await manager.save(certification);
    await this.queue.enqueue(manager, EXPIRY_JOB, { certificationId: certification.id }, { runAt: certification.expiresAt, dedupeKey: expiryKey(certification.id) });
    await this.audit.record(manager, actor, {
      action: 'certification.issue',
      resourceType: 'certification',
      resourceId: certification.id,
      detail: { userId: input.userId, type: input.type, source: input.source },
    });
    return certification;
  }

  /** Certifications of staff in scope, soonest expiry first. */
  list(actor: Actor, query: CertificationQueryDto): Promise<CertificationDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(Certification).createQueryBuilder('c').orderBy('c.expires_at', 'ASC').addOrderBy('c.id', 'ASC');
      // The holder's unit, read from the people table by name (set-wise, as AccessScope reads workers).
      this.scope.whereUnitInScope(qb, actor, '(SELECT cu.org_unit_id FROM users cu WHERE cu.id = c.user_id)');
      if (query.userId) qb.andWhere('c.user_id = :userId', { userId: query.userId });
      if (query.type) qb.andWhere('c.type = :type', { type: query.type });
      const now = this.clock.now();
      const all = (await qb.getMany()).map((c) => toCertificationDto(c, now));
      return query.state ? all.filter((c) => c.state === query.state) : all;
    });
  }

  /**
   * GET /certifications/certified-staff: active counsellors and supervisors in scope certified in `type` now, found
   * with `certifiedAmong` (the query the individual tier uses to prefer certified counsellors).
   */
  certifiedStaff(actor: Actor, type: CertificationType): Promise<CertifiedStaffDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = this.access
        .staffQuery(manager)
        .where("u.role IN ('counsellor', 'supervisor') AND u.active = :active", { active: true })
        .orderBy('u.display_name', 'ASC')
        .addOrderBy('u.id', 'ASC');
      const staff = await this.scope.whereUnitInScope(qb, actor, 'u.org_unit_id').getRawMany<CertifiedStaffDto & { id: string }>();
      const certified = await this.certifiedAmong(manager, staff.map((s) => s.id), type, this.clock.now());
      return staff.filter((s) => certified.has(s.id)).map((s) => ({ userId: s.id, displayName: s.displayName, role: s.role, orgUnitId: s.orgUnitId }));
    });
  }

  /** A holder's own certifications. */
  async ofUser(manager: EntityManager, userId: string): Promise<Certification[]> {
    return manager.find(Certification, { where: { userId }, order: { expiresAt: 'DESC', id: 'ASC' } });
  }

  revoke(actor: Actor, id: string): Promise<CertificationDto> {
    return this.transactions.run(async (manager) => {
      const certification = await manager.findOne(Certification, { where: { id } });
      if (!certification) throw notFound('Certification', '该证书');
      await this.access.requireStaff(manager, actor, [certification.userId]);
      if (certification.revokedAt) throw TrainingErrors.alreadyRevoked();
      const now = this.clock.now();
      certification.revokedAt = now;
      certification.revokedBy = actor.userId;
      await manager.save(certification);
      await this.queue.cancel(manager, expiryKey(certification.id));
      await this.audit.record(manager, actor, { action: 'certification.revoke', resourceType: 'certification', resourceId: certification.id, detail: { userId: certification.userId } });
      return toCertificationDto(certification, now);
    });
  }

  /** For the expiry job: whether `certificationState` says the holder has another current certification of the type. */
  renewed(others: Certification[], expired: Certification, at: Date): boolean {
    return others.some((c) => c.id !== expired.id && c.type === expired.type && ['current', 'expiring'].includes(certificationState(c, at)));
  }
}
