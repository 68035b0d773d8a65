import { DAY } from '../../platform/clock/clock.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import type { LateFormNoticeDto } from './dto/assessment.dto.js';

/** A paper form may be entered up to a year after it was filled in. */
const OLDEST_MS = 366 * DAY;

/**
 * The date a paper form was filled in, as staff enter it: staff only, never in the future, at most a year back. A
 * date without a time is read as noon UTC of that day (the form has a date, not a time).
 */
export function completedAtOf(raw: string | undefined, source: 'self' | 'staff', now: Date): Date | null {
  if (raw === undefined) return null;
  if (source === 'self') {
    throw badRequest('COMPLETED_AT_STAFF_ONLY', '只有工作人员录入纸质问卷时才能填写填写日期', 'completedAt is for staff entering a paper form');
  }
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T12:00:00Z` : raw);
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime() + 5 * 60_000 || now.getTime() - at.getTime() > OLDEST_MS) {
    throw badRequest('COMPLETED_AT_INVALID', '填写日期不能晚于今天，也不能早于一年前', 'completedAt must not be in the future nor more than a year ago', { completedAt: raw });
  }
  return at > now ? now : at;
}

/**
 * A crisis result from a form filled in more than a day before it was entered: the case opens now (dated today, with
 * today's deadline), and everyone must know the answers are older. Said in the response and carried on the event.
 */
export function lateFormNotice(completedAt: Date | null, now: Date, crisis: boolean): LateFormNoticeDto | undefined {
  if (!crisis || !completedAt) return undefined;
  const daysLate = Math.floor((now.getTime() - completedAt.getTime()) / DAY);
  if (daysLate < 1) return undefined;
  const date = completedAt.toISOString().slice(0, 10);
  return {
    completedAt: completedAt.toISOString(),
    daysLate,
    zh: `这份纸质问卷填写于 ${date}（${daysLate} 天前），危机个案今天才开立，时限从现在起算。请尽快联系该职工，了解这段时间的情况。`,
    en: `This paper form was filled in on ${date} (${daysLate} days ago); the crisis case opens today and its deadline runs from now. Contact the worker soon and ask how they have been since.`,
  };
}
