import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError, notFound } from '../../../platform/errors/domain-error.js';
import { NotificationService } from '../../../platform/notifications/notification.service.js';
import { SmsMessage } from '../../../platform/sms/sms-message.entity.js';
import { mobileLookupHash } from '../../../platform/sms/phone-numbers.js';
import { AuthService } from '../../auth/auth.service.js';
import { ConsentsService } from '../../consents/consents.service.js';
import { OrgUnit } from '../../org-units/org-unit.entity.js';
import { User } from '../../users/user.entity.js';
import { Worker } from '../../workers/worker.entity.js';
import { PopulationCounts } from '../../workers/population-counts.js';
import { SmsCodesService } from '../codes/sms-codes.service.js';
import type { CodeSentDto } from '../sign-in/phone-auth.dto.js';
import type { JoinDto, JoinedDto, JoinLinkPublicDto } from './join.dto.js';
import { JoinLink } from './join-link.entity.js';
import { JoinRequest } from './join-request.entity.js';

/** The consents the join form asks for, in the words the worker reads (source article: 心理健康测评, 心理咨询服务). */
export const JOIN_PURPOSES = [
  { purpose: 'assessment', zh: '同意心港保存我做的心理健康测评结果，用于我的心理档案和必要时工会心理服务人员的关心联系', en: 'Keep my self-assessment results in my record, so union counsellors can reach out when needed' },
  { purpose: 'counselling', zh: '同意在我预约心理咨询或线上心理疏导时，由工会心理咨询师记录服务情况', en: 'Let union counsellors keep notes when I book counselling or online support' },
  { purpose: 'research', zh: '同意我的数据在去除身份信息后用于改进职工心理服务的统计研究（可不同意，不影响使用）', en: 'Use my de-identified data for research to improve services (optional; no effect on what I can use)' },
] as const;

const linkGone = () => new DomainError(410, 'JOIN_LINK_REVOKED', '此入会链接已停用，请联系所在工会获取新链接', 'This join link was withdrawn; ask your union for a new one');

/**
 * Self-join (自助入会) for 新就业形态 workers: from a unit's link, a verified mobile number becomes a profile and a
 * worker account at once (self-help works immediately); membership waits for the unit to confirm. Never two
 * profiles for one number: a number already on a roster gets that profile.
 */
@Injectable()
export class JoinService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly codes: SmsCodesService,
    private readonly auth: AuthService,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly counts: PopulationCounts,
  ) {}

  describe(token: string): Promise<JoinLinkPublicDto> {
    return this.transactions.read(async (manager) => {
      const { unit } = await this.openLink(manager, token);
      return { unitName: unit.name, purposes: JOIN_PURPOSES.map((p) => ({ ...p })) };
    });
  }

  async requestCode(token: string, phone: string, ip: string | null): Promise<CodeSentDto> {
    await this.transactions.read((manager) => this.openLink(manager, token));
    return { accepted: true, ...(await this.codes.issue('join', phone, ip)) };
  }

  async join(token: string, input: JoinDto, ip: string | null): Promise<JoinedDto> {
    const { codeId, mobile } = await this.codes.check('join', input.phone, input.code);
    return this.transactions.run(async (manager) => {
      const { link, unit } = await this.openLink(manager, token);
      await this.codes.consume(manager, codeId);
      const phoneHash = mobileLookupHash(mobile);
      const onRoster = await manager.findOne(Worker, { where: { phoneHash, erased: false } });
      const worker = onRoster ?? (await this.newProfile(manager, unit, input, mobile));
      let user = await manager.findOne(User, { where: { workerId: worker.id } });
      if (user && !user.active) {
        throw new DomainError(403, 'ACCOUNT_INACTIVE', '该号码对应的账号已停用，请联系所在工会', 'The account of this number is deactivated; contact your union');
      }
      user ??= await manager.save(
        manager.create(User, {
          username: `m-${randomBytes(6).toString('hex')}`,
          displayName: worker.name,
          // No password: a self-joined worker signs in with their phone. '!' never verifies.
          passwordHash: '!',
          role: 'worker',
          orgUnitId: worker.orgUnitId,
          workerId: worker.id,
          email: null,
          active: true,
          failedLogins: 0,
        }),
      );
      const self = { userId: user.id, role: 'worker', orgUnitId: worker.orgUnitId, workerId: worker.id, ip } as unknown as Actor;
      for (const { purpose } of JOIN_PURPOSES) {
        if (input.consents[purpose]) await this.consents.recordWithin(manager, self, worker.id, { purpose, granted: true });
      }
      const possibleDuplicate = onRoster ? null : await this.rosterMatch(manager, unit.id, input.employeeNo, worker.id);
      const request = await manager.save(
        manager.create(JoinRequest, {
          workerId: worker.id,
          orgUnitId: onRoster ? worker.orgUnitId : unit.id,
          joinLinkId: link.id,
          matched: onRoster ? 'phone' : 'new',
          possibleDuplicateOf: possibleDuplicate,
          status: onRoster ? 'linked' : 'pending',
          decidedBy: null,
          decidedAt: null,
          reason: null,
          createdAt: this.clock.now(),
        }),
      );
      // The join code went to a number with no account yet: it is theirs now (export, erasure).
      await manager.update(SmsMessage, { phoneHash, userId: IsNull() }, { userId: user.id });
      await this.audit.record(manager, self, {
        action: 'worker.self_join',
        resourceType: 'join_request',
        resourceId: request.id,
        workerId: worker.id,
        detail: { joinLinkId: link.id, matched: request.matched, possibleDuplicateOf: possibleDuplicate },
      });
      if (request.status === 'pending') await this.tellAdmins(manager, unit);
      const tokens = await this.auth.issue(manager, user, randomUUID());
      return { ...tokens, workerId: worker.id, membership: worker.membership, linkedToRoster: onRoster !== null };
    });
  }

  private async openLink(manager: EntityManager, token: string): Promise<{ link: JoinLink; unit: OrgUnit }> {
    const link = /^[A-Za-z0-9_-]{16,40}$/.test(token) ? await manager.findOne(JoinLink, { where: { token } }) : null;
    if (!link) throw notFound('JoinLink', '入会链接');
    if (link.revokedAt) throw linkGone();
    const unit = await manager.findOneOrFail(OrgUnit, { where: { id: link.orgUnitId } });
    return { link, unit };
  }

  /** A profile of its own for a newcomer (counted in the dashboards' population at once). */
  private async newProfile(manager: EntityManager, unit: OrgUnit, input: JoinDto, mobile: string): Promise<Worker> {
    const worker = await manager.save(
      manager.create(Worker, {
        orgUnitId: unit.id,
        name: input.name.trim(),
        phone: mobile,
        occupationGroup: input.occupationGroup,
        employer: input.employer?.trim() || null,
        membership: 'pending',
      }),
    );
    await this.counts.created(manager, [worker.id]);
    return worker;
  }

  /** An unverified employee number never links a profile (it would hand over someone's record): staff decide. */
  private async rosterMatch(manager: EntityManager, unitId: string, employeeNo: string | undefined, exceptId: string): Promise<string | null> {
    if (!employeeNo?.trim()) return null;
    const match = await manager.findOne(Worker, { where: { orgUnitId: unitId, employeeNo: employeeNo.trim(), erased: false }, select: { id: true } });
    return match && match.id !== exceptId ? match.id : null;
  }

  private async tellAdmins(manager: EntityManager, unit: OrgUnit): Promise<void> {
    const ancestors = unit.path.split('/').filter(Boolean);
    const admins = await manager.find(User, { where: { role: 'admin', active: true, orgUnitId: In(ancestors.length > 0 ? ancestors : [unit.id]) }, select: { id: true, email: true } });
    await this.notifications.notify(manager, admins.map((a) => ({ userId: a.id, email: a.email })), {
      kind: 'join.request',
      title: `${unit.name}：新的入会申请 / New membership request`,
      body: '有职工通过入会链接加入，请确认会员身份。/ A worker joined through a link; please confirm their membership.',
      link: '/admin/join-requests',
    });
  }
}
