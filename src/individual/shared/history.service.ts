import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.js';
import { Clock } from '../../platform/clock/clock.js';
import type { HistoryDto } from './history.dto.js';
import { userNames } from './people-reads.js';
import { HistoryEntry, type HistorySubject } from './history.entity.js';

export interface HistoryChange {
  subjectType: HistorySubject;
  subjectId: string;
  workerId?: string | null;
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

/** Who made a change: a signed-in actor, the system, or a named outside party (an EAP vendor). */
export type HistoryActor = Actor | { label: string };

/** Actions whose from/to are user ids (named in the DTO). */
const PERSON_ACTIONS = new Set(['assigned']);

export const toHistoryDto = (h: HistoryEntry, names: Map<string, string> = new Map()): HistoryDto => ({
  id: h.id,
  action: h.action,
  from: h.from,
  to: h.to,
  reason: h.reason,
  actorId: h.actorId,
  actorLabel: h.actorLabel,
  actorName: h.actorId ? (names.get(h.actorId) ?? null) : null,
  fromName: PERSON_ACTIONS.has(h.action) && h.from ? (names.get(h.from) ?? null) : null,
  toName: PERSON_ACTIONS.has(h.action) && h.to ? (names.get(h.to) ?? null) : null,
  at: h.createdAt.toISOString(),
});

/** Writes and reads the history rows of the individual tier, always in the caller's transaction. */
@Injectable()
export class IndividualHistory {
  constructor(private readonly clock: Clock) {}

  async write(manager: EntityManager, by: HistoryActor, change: HistoryChange): Promise<void> {
    const isUser = 'userId' in by && by.userId !== SYSTEM_ACTOR.userId;
    await manager.insert(HistoryEntry, {
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      workerId: change.workerId ?? null,
      action: change.action,
      from: change.from ?? null,
      to: change.to ?? null,
      reason: change.reason ?? null,
      actorId: isUser ? by.userId : null,
      actorLabel: isUser ? null : 'label' in by ? by.label : 'system',
      createdAt: this.clock.now(),
    });
  }

  /** Oldest first. */
  async of(manager: EntityManager, subjectType: HistorySubject, subjectId: string): Promise<HistoryDto[]> {
    const rows = await manager.find(HistoryEntry, { where: { subjectType, subjectId }, order: { id: 'ASC' } });
    const names = await userNames(manager, rows.flatMap((h) => [h.actorId, ...(PERSON_ACTIONS.has(h.action) ? [h.from, h.to] : [])]));
    return rows.map((h) => toHistoryDto(h, names));
  }
}
