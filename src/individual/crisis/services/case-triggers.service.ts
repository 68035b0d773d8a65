import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock.js';
import type { CrisisLevel } from '../../shared/levels.js';
import type { CaseSource } from '../domain/case-sources.js';
import type { TriggerDetail } from '../domain/trigger-detail.js';
import type { CaseTriggerDto } from '../dto/case-trigger.dto.js';
import { CaseTrigger } from '../entities/case-trigger.entity.js';
import { CrisisCase } from '../entities/crisis-case.entity.js';

export interface TriggerInput {
  caseId: string;
  sourceType: CaseSource;
  sourceId: string | null;
  level: CrisisLevel;
  joined: boolean;
  detail: TriggerDetail;
}

export const toCaseTriggerDto = (t: CaseTrigger): CaseTriggerDto => ({
  id: t.id,
  sourceType: t.sourceType,
  sourceId: t.sourceId,
  level: t.level,
  joined: t.joined,
  at: t.createdAt.toISOString(),
  ...t.detail,
});

/** The sources of a case (crisis_case_triggers): recorded once per source, read for the case page and the queue. */
@Injectable()
export class CaseTriggers {
  constructor(private readonly clock: Clock) {}

  /** The case a source already opened or joined, if any (cases from before triggers existed: by their own source). */
  async caseOfSource(manager: EntityManager, sourceType: CaseSource, sourceId: string): Promise<CrisisCase | null> {
    const trigger = await manager.findOne(CaseTrigger, { where: { sourceType, sourceId }, select: { caseId: true } });
    if (trigger) return manager.findOne(CrisisCase, { where: { id: trigger.caseId } });
    return manager.findOne(CrisisCase, { where: { sourceType, sourceId } });
  }

  /** Records a source; false when this source was already recorded (a repeated delivery: do nothing more). */
  async record(manager: EntityManager, input: TriggerInput): Promise<boolean> {
    const id = randomUUID();
    await manager.createQueryBuilder().insert().into(CaseTrigger).values({ id, ...input, createdAt: this.clock.now() }).orIgnore().execute();
    return (await manager.count(CaseTrigger, { where: { id } })) > 0;
  }

  /** Oldest first: the opening source, then every source that joined. */
  async of(manager: EntityManager, caseId: string): Promise<CaseTriggerDto[]> {
    const rows = await manager.find(CaseTrigger, { where: { caseId }, order: { joined: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toCaseTriggerDto);
  }

  /** The opening trigger of each case, for a queue page (one query). */
  async openingOf(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseTriggerDto[]>> {
    const map = new Map<string, CaseTriggerDto[]>();
    if (caseIds.length === 0) return map;
    const rows = await manager
      .getRepository(CaseTrigger)
      .createQueryBuilder('t')
      .where('t.case_id IN (:...caseIds)', { caseIds })
      .orderBy('t.joined', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    for (const row of rows) map.set(row.caseId, [...(map.get(row.caseId) ?? []), toCaseTriggerDto(row)]);
    return map;
  }
}
