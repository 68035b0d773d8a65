import { In, type EntityManager } from 'typeorm';
import { num } from '../../../platform/database/sql-helpers.js';
import type { Queued } from '../domain/registration-rules.js';
import { EventRegistration } from '../entities/event-registration.entity.js';

export interface SeatCounts {
  seated: number;
  waitlisted: number;
}

/** Seats taken and queue length per event, in one GROUP BY. */
export async function seatCounts(manager: EntityManager, eventIds: string[]): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>(eventIds.map((id) => [id, { seated: 0, waitlisted: 0 }]));
  if (eventIds.length === 0) return counts;
  const rows = await manager
    .getRepository(EventRegistration)
    .createQueryBuilder('r')
    .select('r.event_id', 'eventId')
    .addSelect(`SUM(CASE WHEN r.status IN ('registered', 'attended') THEN 1 ELSE 0 END)`, 'seated')
    .addSelect(`SUM(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END)`, 'waitlisted')
    .where({ eventId: In(eventIds) })
    .groupBy('r.event_id')
    .getRawMany<{ eventId: string; seated: unknown; waitlisted: unknown }>();
  for (const row of rows) counts.set(row.eventId, { seated: num(row.seated), waitlisted: num(row.waitlisted) });
  return counts;
}

/** The waiting list of an event, longest-waiting first. */
export async function waitlistOf(manager: EntityManager, eventId: string): Promise<Queued[]> {
  return manager.find(EventRegistration, {
    where: { eventId, status: 'waitlisted' },
    order: { position: 'ASC' },
    select: { id: true, position: true },
  });
}
