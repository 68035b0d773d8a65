import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import type { AppConfig } from '../../../platform/config/app-config.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { AccessScope } from '../../access/access-scope.service.js';
import { OrgUnit } from '../../org-units/org-unit.entity.js';
import type { CreateJoinLinkDto, JoinLinkDto } from './join.dto.js';
import { JoinLink } from './join-link.entity.js';
import { JoinRequest } from './join-request.entity.js';
import { joinPosterPdf, joinQrPng } from './join-poster.js';

/** Units publish join links and posters; revoking one stops it at once (a poster that went astray). */
@Injectable()
export class JoinLinksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  create(actor: Actor, input: CreateJoinLinkDto): Promise<JoinLinkDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      const link = await manager.save(
        manager.create(JoinLink, { orgUnitId: input.orgUnitId, token: randomBytes(16).toString('base64url'), label: input.label.trim(), createdBy: actor.userId, revokedAt: null, createdAt: this.clock.now() }),
      );
      await this.audit.record(manager, actor, { action: 'join_link.create', resourceType: 'join_link', resourceId: link.id, detail: { orgUnitId: link.orgUnitId } });
      return this.toDto(manager, link);
    });
  }

  list(actor: Actor): Promise<JoinLinkDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(JoinLink).createQueryBuilder('l').orderBy('l.created_at', 'DESC');
      this.scope.whereUnitInScope(qb, actor, 'l.org_unit_id');
      return Promise.all((await qb.getMany()).map((link) => this.toDto(manager, link)));
    });
  }

  revoke(actor: Actor, id: string): Promise<JoinLinkDto> {
    return this.transactions.run(async (manager) => {
      const link = await this.inScope(manager, actor, id);
      if (!link.revokedAt) {
        link.revokedAt = this.clock.now();
        await manager.save(link);
        await this.audit.record(manager, actor, { action: 'join_link.revoke', resourceType: 'join_link', resourceId: link.id });
      }
      return this.toDto(manager, link);
    });
  }

  async poster(actor: Actor, id: string, format: 'pdf' | 'png'): Promise<Buffer> {
    const { link, unitName } = await this.transactions.read(async (manager) => {
      const found = await this.inScope(manager, actor, id);
      const unit = await manager.findOneOrFail(OrgUnit, { where: { id: found.orgUnitId } });
      return { link: found, unitName: unit.name };
    });
    const url = this.urlOf(link);
    return format === 'png' ? joinQrPng(url) : joinPosterPdf({ url, unitName, label: link.label });
  }

  private async inScope(manager: EntityManager, actor: Actor, id: string): Promise<JoinLink> {
    const qb = manager.getRepository(JoinLink).createQueryBuilder('l').where('l.id = :id', { id });
    const link = await this.scope.whereUnitInScope(qb, actor, 'l.org_unit_id').getOne();
    if (!link) throw notFound('JoinLink', '入会链接');
    return link;
  }

  private urlOf(link: JoinLink): string {
    return `${this.config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '')}/join/${link.token}`;
  }

  private async toDto(manager: EntityManager, link: JoinLink): Promise<JoinLinkDto> {
    const unit = await manager.findOneOrFail(OrgUnit, { where: { id: link.orgUnitId }, select: { id: true, name: true } });
    return {
      id: link.id,
      orgUnitId: link.orgUnitId,
      orgUnitName: unit.name,
      label: link.label,
      url: this.urlOf(link),
      active: link.revokedAt === null,
      joinedCount: await manager.count(JoinRequest, { where: { joinLinkId: link.id } }),
      createdAt: link.createdAt.toISOString(),
      revokedAt: link.revokedAt?.toISOString() ?? null,
    };
  }
}
