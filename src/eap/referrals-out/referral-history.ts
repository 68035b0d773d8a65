import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import type { EapReferral } from './eap-referral.entity.js';
import { EapReferralEvent, type ReferralEventSource } from './referral-event.entity.js';

export interface HistoryEntry {
  type: string;
  source: ReferralEventSource;
  recordedBy: string | null;
  occurredAt?: Date;
  sessionNumber?: number | null;
  note?: string | null;
  beyondQuota?: boolean;
}

/** Appends to a referral's history (and, for sessions, to the quota count: one row per session number). */
@Injectable()
export class ReferralHistory {
  constructor(private readonly clock: Clock) {}

  async write(manager: EntityManager, referral: EapReferral, entry: HistoryEntry): Promise<void> {
    const now = this.clock.now();
    await manager.insert(EapReferralEvent, {
      referralId: referral.id,
      contractId: referral.contractId,
      workerId: referral.workerId,
      type: entry.type,
      sessionNumber: entry.sessionNumber ?? null,
      occurredAt: entry.occurredAt ?? now,
      source: entry.source,
      note: entry.note ?? null,
      beyondQuota: entry.beyondQuota ?? false,
      recordedBy: entry.recordedBy,
      createdAt: now,
    });
  }

  list(manager: EntityManager, referralId: string): Promise<EapReferralEvent[]> {
    return manager.find(EapReferralEvent, { where: { referralId }, order: { createdAt: 'ASC', occurredAt: 'ASC' } });
  }
}
