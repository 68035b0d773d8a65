import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { num } from '../../../platform/database/sql-helpers.js';
import type { RecordAudience } from '../../shared/record-audience.js';
import type { GroupHistoryDto } from '../dto/meeting.dto.js';
import { Membership } from '../entities/membership.entity.js';
import { PeerGroup } from '../entities/peer-group.entity.js';
import { topicLabel } from '../groups.mapper.js';

const MEMBERSHIPS = new PreparedRead(Membership, 'e.worker_id = :workerId ORDER BY e.created_at DESC, e.id ASC');

/** The self-help-group part of a worker's 心理档案, exported for the composed record. */
@Injectable()
export class GroupsHistoryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
  ) {}

  /** GET /groups/workers/:workerId/history: a worker in scope, read audited. */
  forStaff(actor: Actor, workerId: string): Promise<GroupHistoryDto[]> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireWorker(manager, actor, workerId);
      await this.audit.record(manager, actor, { action: 'group_history.read', resourceType: 'worker', resourceId: workerId, workerId });
      return this.historyForWorker(manager, actor, workerId, 'staff');
    });
  }

  /**
   * Groups the worker joined or asked to join, under the display name they chose, with meetings attended. Never
   * names fellow members, for either audience. The caller has already established that `actor` may see `workerId`.
   */
  async historyForWorker(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience): Promise<GroupHistoryDto[]> {
    // Uniform signature across the population modules; the group history holds nothing that differs by audience.
    void actor;
    void audience;
    const memberships = await MEMBERSHIPS.many(manager, { workerId });
    if (memberships.length === 0) return [];
    const groups = new Map((await manager.find(PeerGroup, { where: { id: In(memberships.map((m) => m.groupId)) } })).map((g) => [g.id, g]));
    const memberIds = memberships.map((m) => m.id);
    const attended = new Map(
      (
        await manager
          .createQueryBuilder()
          .select('a.member_id', 'memberId')
          .addSelect('COUNT(*)', 'n')
          .from('peer_group_attendance', 'a')
          .where(`a.member_id IN (:...memberIds) AND a.status = 'present'`, { memberIds })
          .groupBy('a.member_id')
          .getRawMany<{ memberId: string; n: unknown }>()
      ).map((r) => [r.memberId, num(r.n)]),
    );
    return memberships
      .filter((m) => groups.has(m.groupId))
      .map((m) => {
        const group = groups.get(m.groupId)!;
        return {
          groupId: group.id,
          name: group.name,
          topic: group.topic,
          topicLabel: topicLabel(group),
          displayName: m.displayName,
          status: m.status,
          requestedAt: m.createdAt.toISOString(),
          joinedAt: m.joinedAt ? m.joinedAt.toISOString() : null,
          leftAt: m.leftAt ? m.leftAt.toISOString() : null,
          meetingsAttended: attended.get(m.id) ?? 0,
        };
      });
  }
}
