import { addDays, calendarDay, daysBetween, isCalendarDay, startOfDay } from '../shared/calendar.js';
import { beyondQuota, chooseContract, isActiveOn, renewalReminderTimes, sessionsLeft, type ContractCandidate } from './contract-rules.js';

const contract = (overrides: Partial<ContractCandidate> = {}): ContractCandidate => ({
  id: 'c1',
  status: 'active',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  services: ['individual_counselling', 'hotline'],
  sessionsPerWorker: 6,
  sessionsTotal: 100,
  unitDepth: 1,
  usage: { total: 0, worker: 0 },
  ...overrides,
});
const TODAY = '2026-11-25';

describe('contract calendar', () => {
  it('uses China calendar days', () => {
    expect(calendarDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(calendarDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    expect(startOfDay('2026-11-26').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-25', '2026-12-25')).toBe(30);
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('26-2-3')).toBe(false);
  });

  it('is active from its first to its last day, inclusive, unless terminated', () => {
    expect(isActiveOn(contract(), '2026-01-01')).toBe(true);
    expect(isActiveOn(contract(), '2026-12-31')).toBe(true);
    expect(isActiveOn(contract(), '2025-12-31')).toBe(false);
    expect(isActiveOn(contract(), '2027-01-01')).toBe(false);
    expect(isActiveOn(contract({ status: 'terminated' }), TODAY)).toBe(false);
  });
});

describe('quota', () => {
  it('leaves the smaller of the worker’s and the contract’s remainder', () => {
    expect(sessionsLeft(contract(), { total: 0, worker: 0 })).toBe(6);
    expect(sessionsLeft(contract(), { total: 0, worker: 4 })).toBe(2);
    expect(sessionsLeft(contract(), { total: 98, worker: 1 })).toBe(2);
    expect(sessionsLeft(contract(), { total: 100, worker: 0 })).toBe(0);
    expect(sessionsLeft(contract(), { total: 120, worker: 9 })).toBe(0);
  });

  it('marks a session beyond either quota', () => {
    expect(beyondQuota(contract(), { total: 99, worker: 5 })).toBe(false);
    expect(beyondQuota(contract(), { total: 99, worker: 6 })).toBe(true);
    expect(beyondQuota(contract(), { total: 100, worker: 0 })).toBe(true);
  });
});

describe('choosing the contract for a referral', () => {
  it('names the first reason there is none', () => {
    expect(chooseContract([], TODAY, 'hotline')).toEqual({ ok: false, problem: 'NO_CONTRACT', detail: {} });
    expect(chooseContract([contract({ endsOn: '2026-06-30' }), contract({ id: 'c2', startsOn: '2027-01-01', endsOn: '2027-12-31' })], TODAY, 'hotline')).toEqual({
      ok: false,
      problem: 'CONTRACT_NOT_ACTIVE',
      detail: { lastEndedOn: '2026-06-30', nextStartsOn: '2027-01-01' },
    });
    expect(chooseContract([contract({ status: 'terminated' })], TODAY, 'hotline')).toMatchObject({ problem: 'CONTRACT_NOT_ACTIVE' });
    expect(chooseContract([contract()], TODAY, 'family_counselling')).toEqual({
      ok: false,
      problem: 'SERVICE_NOT_COVERED',
      detail: { service: 'family_counselling', covered: ['hotline', 'individual_counselling'] },
    });
    expect(chooseContract([contract({ usage: { total: 3, worker: 6 } })], TODAY, 'hotline')).toEqual({ ok: false, problem: 'QUOTA_EXHAUSTED', detail: { quota: 'per_worker' } });
    expect(chooseContract([contract({ usage: { total: 100, worker: 1 } })], TODAY, 'hotline')).toEqual({ ok: false, problem: 'QUOTA_EXHAUSTED', detail: { quota: 'total' } });
  });

  it('checks the service before the quota, and only among active contracts', () => {
    const expiredWithService = contract({ id: 'old', endsOn: '2026-01-31', services: ['family_counselling'] });
    expect(chooseContract([expiredWithService, contract()], TODAY, 'family_counselling')).toMatchObject({ problem: 'SERVICE_NOT_COVERED' });
  });

  it('prefers the contract of the unit nearest the worker, then the one ending first', () => {
    const city = contract({ id: 'city', unitDepth: 1 });
    const enterprise = contract({ id: 'enterprise', unitDepth: 2, endsOn: '2027-06-30' });
    const enterpriseSooner = contract({ id: 'enterprise-sooner', unitDepth: 2, endsOn: '2026-12-01' });
    expect(chooseContract([city, enterprise], TODAY, 'hotline')).toEqual({ ok: true, contractId: 'enterprise', sessionsAllowed: 6 });
    expect(chooseContract([city, enterprise, enterpriseSooner], TODAY, 'hotline')).toMatchObject({ contractId: 'enterprise-sooner' });
  });

  it('falls back to another contract when the nearest one has no quota left', () => {
    const city = contract({ id: 'city', unitDepth: 1, usage: { total: 10, worker: 2 } });
    const enterprise = contract({ id: 'enterprise', unitDepth: 2, sessionsTotal: 10, usage: { total: 10, worker: 0 } });
    expect(chooseContract([city, enterprise], TODAY, 'hotline')).toEqual({ ok: true, contractId: 'city', sessionsAllowed: 4 });
  });
});

describe('renewal reminders', () => {
  it('fall the given days before the end at 09:00 China time, only those still ahead', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    expect(renewalReminderTimes('2027-03-31', [7, 60, 30, 30], now).map((r) => [r.leadDays, r.at.toISOString()])).toEqual([
      [60, '2027-01-30T01:00:00.000Z'],
      [30, '2027-03-01T01:00:00.000Z'],
      [7, '2027-03-24T01:00:00.000Z'],
    ]);
    expect(renewalReminderTimes('2026-12-20', [60, 30, 7], now).map((r) => r.leadDays)).toEqual([7]);
    expect(renewalReminderTimes('2026-11-26', [7], now)).toEqual([]);
  });
});
