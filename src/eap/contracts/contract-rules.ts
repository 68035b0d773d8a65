import { HOUR } from '../../platform/clock/clock.js';
import { addDays, startOfDay } from '../shared/calendar.js';

export const CONTRACT_STATUSES = ['active', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Renewal reminders go out this many days before a contract ends, at 09:00 China time. */
export const DEFAULT_REMINDER_DAYS = [60, 30, 7] as const;
const REMINDER_HOUR = 9;

export interface SessionUsage {
  /** Sessions attended under the contract, all workers. */
  total: number;
  /** Sessions this worker attended under the contract. */
  worker: number;
}

/** A contract of the vendor whose unit is the worker's unit or above it. */
export interface ContractCandidate {
  id: string;
  status: ContractStatus;
  startsOn: string;
  endsOn: string;
  services: readonly string[];
  sessionsPerWorker: number;
  sessionsTotal: number;
  /** Depth of the contract's unit: the deepest (nearest the worker) is preferred. */
  unitDepth: number;
  usage: SessionUsage;
}

export type CoverageProblem = 'NO_CONTRACT' | 'CONTRACT_NOT_ACTIVE' | 'SERVICE_NOT_COVERED' | 'QUOTA_EXHAUSTED';

export type Coverage =
  | { ok: true; contractId: string; sessionsAllowed: number }
  | { ok: false; problem: CoverageProblem; detail: Record<string, unknown> };

export const isActiveOn = (c: Pick<ContractCandidate, 'status' | 'startsOn' | 'endsOn'>, day: string): boolean =>
  c.status === 'active' && c.startsOn <= day && day <= c.endsOn;

/** Sessions still available to this worker under the contract: the smaller of their own and the contract's remainder. */
export const sessionsLeft = (c: Pick<ContractCandidate, 'sessionsPerWorker' | 'sessionsTotal'>, usage: SessionUsage): number =>
  Math.max(0, Math.min(c.sessionsPerWorker - usage.worker, c.sessionsTotal - usage.total));

/** True when one more session would go past either quota (it is then recorded, but not billable). */
export const beyondQuota = (c: Pick<ContractCandidate, 'sessionsPerWorker' | 'sessionsTotal'>, usageBefore: SessionUsage): boolean =>
  sessionsLeft(c, usageBefore) === 0;

/**
 * The contract a referral goes under, or why there is none, the reasons checked in order: any contract covering the
 * worker's unit at all, active today, covering the service, with quota left. Among several, the one of the unit nearest
 * the worker, then the one ending first.
 */
export function chooseContract(candidates: readonly ContractCandidate[], today: string, service: string): Coverage {
  if (candidates.length === 0) return { ok: false, problem: 'NO_CONTRACT', detail: {} };
  const active = candidates.filter((c) => isActiveOn(c, today));
  if (active.length === 0) {
    const ended = candidates.filter((c) => c.endsOn < today).map((c) => c.endsOn).sort();
    const upcoming = candidates.filter((c) => c.status === 'active' && c.startsOn > today).map((c) => c.startsOn).sort();
    return { ok: false, problem: 'CONTRACT_NOT_ACTIVE', detail: { lastEndedOn: ended.at(-1) ?? null, nextStartsOn: upcoming[0] ?? null } };
  }
  const covering = active.filter((c) => c.services.includes(service));
  if (covering.length === 0) {
    return { ok: false, problem: 'SERVICE_NOT_COVERED', detail: { service, covered: [...new Set(active.flatMap((c) => c.services))].sort() } };
  }
  const open = covering.filter((c) => sessionsLeft(c, c.usage) > 0);
  if (open.length === 0) {
    const perWorker = covering.every((c) => c.usage.worker >= c.sessionsPerWorker);
    return { ok: false, problem: 'QUOTA_EXHAUSTED', detail: { quota: perWorker ? 'per_worker' : 'total' } };
  }
  const [chosen] = [...open].sort((a, b) => b.unitDepth - a.unitDepth || a.endsOn.localeCompare(b.endsOn) || a.id.localeCompare(b.id));
  return { ok: true, contractId: chosen.id, sessionsAllowed: sessionsLeft(chosen, chosen.usage) };
}

/** When to remind about renewal: `leadDays` before the end, at 09:00 China time, only those still ahead. */
export function renewalReminderTimes(endsOn: string, leadDays: readonly number[], now: Date): Array<{ leadDays: number; at: Date }> {
  return [...new Set(leadDays)]
    .sort((a, b) => b - a)
    .map((days) => ({ leadDays: days, at: new Date(startOfDay(addDays(endsOn, -days)).getTime() + REMINDER_HOUR * HOUR) }))
    .filter((reminder) => reminder.at > now);
}
