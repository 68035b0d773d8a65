import { badRequest, conflict } from '../../../platform/errors/domain-error.js';
import type { Transitions } from '../../../platform/state-machine.js';

/** What a 自助团体 is about; codes are stable, labels Chinese first. */
export const GROUP_TOPICS = {
  new_parents: ['新手父母', 'New parents'],
  caregivers: ['家庭照护者', 'Family caregivers'],
  shift_workers: ['倒班职工', 'Shift workers'],
  burnout_recovery: ['职业倦怠康复', 'Recovering from burnout'],
  bereavement: ['丧亲哀伤', 'Bereavement'],
  career_change: ['职业生涯变动', 'Career change'],
  other: ['其他', 'Other'],
} as const satisfies Record<string, readonly [string, string]>;
export type GroupTopic = keyof typeof GROUP_TOPICS;
export const GROUP_TOPIC_CODES = Object.keys(GROUP_TOPICS) as GroupTopic[];

export const GROUP_STATUSES = ['open', 'closed', 'archived'] as const;
/** `open` takes join requests; `closed` keeps meeting but takes none; `archived` is over. */
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GROUP_TRANSITIONS: Transitions<GroupStatus> = {
  open: ['closed', 'archived'],
  closed: ['open', 'archived'],
  archived: [],
};

export const MEMBERSHIP_STATUSES = ['requested', 'active', 'declined', 'withdrawn', 'left', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** Membership by request and approval; anyone whose membership ended may ask again (the facilitator decides). */
export const MEMBERSHIP_TRANSITIONS: Transitions<MembershipStatus> = {
  requested: ['active', 'declined', 'withdrawn'],
  active: ['left', 'removed'],
  declined: ['requested'],
  withdrawn: ['requested'],
  left: ['requested'],
  removed: ['requested'],
};

/** Statuses in which a worker is (or is asking to be) in the group. */
export const CURRENT: readonly MembershipStatus[] = ['requested', 'active'];

/** Approval respects capacity: 409 GROUP_FULL when every place is taken. */
export function assertPlaceFree(capacity: number, activeMembers: number): void {
  if (activeMembers >= capacity) throw conflict('GROUP_FULL', '团体名额已满', 'The group is full', { capacity });
}

/**
 * A name as it reads: compatibility forms folded (ＡＢ → ab), without spaces, invisible format characters
 * (zero-width space, joiners), punctuation used as separators (赵·永·刚) and case, so that 赵 永 刚 is 赵永刚.
 */
export const nameAsRead = (text: string): string => text.normalize('NFKC').replace(/[\s\p{Cf}\p{P}]/gu, '').toLowerCase();

/**
 * A display name (团体昵称) hides who the member is: 2–20 characters, not their real name (compared as read, see
 * nameAsRead), not an id-like string (a run of digits could be an employee number or phone).
 */
export function displayNameProblem(displayName: string, realName: string): string | null {
  const name = displayName.trim();
  if ([...name].length < 2 || [...name].length > 20) return 'DISPLAY_NAME_LENGTH';
  const [read, real] = [nameAsRead(name), nameAsRead(realName)];
  if ([...read].length < 2) return 'DISPLAY_NAME_LENGTH';
  if (read === real || ([...real].length >= 2 && read.includes(real))) return 'DISPLAY_NAME_IS_REAL_NAME';
  if (/\d{4,}/.test(read)) return 'DISPLAY_NAME_HAS_NUMBER';
  return null;
}

export function assertDisplayName(displayName: string, realName: string): string {
  const problem = displayNameProblem(displayName, realName);
  if (problem === 'DISPLAY_NAME_LENGTH') throw badRequest(problem, '团体昵称须为 2–20 个字符', 'The display name must be 2–20 characters');
  if (problem === 'DISPLAY_NAME_IS_REAL_NAME') {
    throw badRequest(problem, '团体昵称不能包含您的真实姓名', 'The display name must not contain your real name');
  }
  if (problem) throw badRequest(problem, '团体昵称不能包含长串数字（如工号、电话）', 'The display name must not contain long numbers (employee no., phone)');
  return displayName.trim();
}
