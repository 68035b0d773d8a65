import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { invalidReference } from '../desk-errors.js';
import { toQueueItemDto } from '../desk-mapper.js';
import { normaliseReference } from '../domain/reference.js';
import { OPEN_STATUSES } from '../domain/request-state.js';
import type { DeskRequestDetailDto, QueuePageDto, QueueQueryDto } from '../dto/request.dto.js';
import { WorkerContacts, contactDisclosure } from '../../people/workers/worker-contacts.js';
import { DeskRequest } from '../entities/desk-request.entity.js';
import { DeskAccess } from '../shared/desk-access.js';
import { RequestViews } from '../shared/request-views.js';

const DEFAULT_PAGE_SIZE = 50;
/** What a queue item shows: no encrypted column is read (or decrypted) for a list. */
const QUEUE_COLUMNS = [
  'id',
  'reference',
  'channel',
  'category',
  'urgency',
  'crisis',
  'status',
  'workerId',
  'subjectUnitId',
  'handlingUnitId',
  'createdAt',
  'nextDueAt',
  'supervisionLevel',
  'supervisingUnitId',
  'forwardCount',
] as const;

/** The desk's queue (requests its units must handle, earliest deadline first) and one request with its trail. */
@Injectable()
export class DeskQueueService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: DeskAccess,
    private readonly views: RequestViews,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly contacts: WorkerContacts,
  ) {}

  /**
   * Requests handled by units in the actor's subtree (open ones unless `status` says otherwise), earliest unmet
   * deadline first; or, with `reference`, the request the worker quotes, wherever it is in scope. One indexed range
   * per handling unit (idx_desk_requests_queue); no free text is decrypted for a list.
   */
  async queue(actor: Actor, query: QueueQueryDto): Promise<QueuePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = this.clock.now();
    const rows = await this.transactions.read(async (manager) => {
      const qb = manager.getRepository(DeskRequest).createQueryBuilder('r').select('r.id', 'id');
      if (query.reference !== undefined) {
        const reference = normaliseReference(query.reference);
        if (!reference) throw invalidReference();
        this.access.whereVisible(qb, actor).andWhere('r.reference = :reference', { reference });
      } else {
        this.access.whereHandledInScope(qb, actor);
        if (query.status) qb.andWhere('r.status = :status', { status: query.status });
        else qb.andWhere('r.status IN (:...open)', { open: OPEN_STATUSES });
        if (query.overdue === 'true') qb.andWhere('r.next_due_at <= :now', { now });
        if (query.overdue === 'false') qb.andWhere('(r.next_due_at IS NULL OR r.next_due_at > :now)', { now });
      }
      if (query.category) qb.andWhere('r.category = :category', { category: query.category });
      if (query.unitId) qb.andWhere('r.handling_unit_id = :unitId', { unitId: query.unitId });
      // Two steps: the page's ids from the covering index (no table row is touched while sorting), then those rows.
      const ids = (
        await qb
          .orderBy('r.next_due_at', 'ASC', 'NULLS LAST')
          .addOrderBy('r.created_at', 'ASC')
          .addOrderBy('r.id', 'ASC')
          .offset((page - 1) * pageSize)
          .limit(pageSize + 1)
          .getRawMany<{ id: string }>()
      ).map((row) => row.id);
      if (ids.length === 0) return [];
      const found = await manager.getRepository(DeskRequest).createQueryBuilder('r').select(QUEUE_COLUMNS.map((c) => `r.${c}`)).whereInIds(ids).getMany();
      const byId = new Map(found.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)!).filter(Boolean);
    });
    const items = rows.slice(0, pageSize);
    await this.audit.recordRead(actor, { action: 'desk_request.list', resourceType: 'desk_request', detail: { count: items.length, page } });
    return { items: items.map((r) => toQueueItemDto(r, now)), page, pageSize, hasMore: rows.length > pageSize };
  }

  /**
   * One request with its full trail and forwards and how to reach the worker (staff only); the read and the contact
   * disclosure are both durable before it is returned.
   */
  async detail(actor: Actor, id: string): Promise<DeskRequestDetailDto> {
    const view = await this.transactions.read(async (manager) => {
      const staff = await this.views.staff(manager, await this.access.require(manager, actor, id));
      return { ...staff, contact: staff.workerId ? await this.contacts.one(manager, staff.workerId) : null };
    });
    await Promise.all([
      this.audit.recordRead(actor, { action: 'desk_request.read', resourceType: 'desk_request', resourceId: id, workerId: view.workerId }),
      ...(view.contact ? [this.audit.recordRead(actor, contactDisclosure(view.contact.workerId, { via: 'desk_request', id }))] : []),
    ]);
    return view;
  }
}
