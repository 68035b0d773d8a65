import { In, type EntityManager } from 'typeorm';
import { User } from '../../people/users/user.entity.js';
import { Worker } from '../../people/workers/worker.entity.js';
import { maskMobile, normaliseMobile } from '../../platform/sms/phone-numbers.js';
import type { MergeWorkerDto } from './worker-merge.dto.js';

const masked = (phone: string | null) => {
  if (!phone) return null;
  const mobile = normaliseMobile(phone);
  return mobile ? maskMobile(mobile) : `${phone.slice(0, 2)}****`;
};

export function toMergeWorkerDto(w: Worker, hasAccount: boolean): MergeWorkerDto {
  return {
    id: w.id,
    name: w.name,
    orgUnitId: w.orgUnitId,
    orgUnitName: w.orgUnit?.name ?? '',
    gender: w.gender,
    birthYear: w.birthYear,
    employeeNo: w.employeeNo,
    phone: masked(w.phone),
    occupationGroup: w.occupationGroup,
    employer: w.employer,
    membership: w.membership,
    hasAccount,
    createdAt: w.createdAt.toISOString(),
  };
}

/** The roster facts of these profiles (ids the caller has already checked), keyed by id. */
export async function mergeWorkers(manager: EntityManager, ids: string[]): Promise<Map<string, MergeWorkerDto>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const workers = await manager.find(Worker, { where: { id: In(unique) }, relations: { orgUnit: true } });
  const accounts = await manager.find(User, { where: { workerId: In(unique) }, select: { id: true, workerId: true } });
  const withAccount = new Set(accounts.map((a) => a.workerId));
  return new Map(workers.map((w) => [w.id, toMergeWorkerDto(w, withAccount.has(w.id))]));
}
