import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { PreparedRead } from '../../../platform/database/prepared-read.js';
import type { RecordAudience } from '../../../population/shared/record-audience.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { num } from '../../../platform/database/sql-helpers.js';
import type { ProgrammeHistoryDto } from '../dto/enrolment.dto.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeEnrolment } from '../entities/programme-enrolment.entity.js';
import { iso, subgroupName } from '../programmes.mapper.js';
import { ProgrammeAccess } from './programme-access.service.js';

const CLINICAL_ROLES = ['counsellor', 'supervisor'];

const ENROLMENTS = new PreparedRead(ProgrammeEnrolment, 'e.worker_id = :workerId ORDER BY e.created_at DESC, e.programme_id ASC');

/**
 * The programmes part of a worker's 心理档案, exported for the composed record. The worker sees all their own
 * enrolments; staff see them when clinical (counsellor or supervisor): a sensitive programme's membership is never
 * shown to any other role, whatever permission it may hold later.
 */
@Injectable()
export class ProgrammeHistoryService {
  constructor(private readonly access: ProgrammeAccess) {}

  /** The caller has already established that `actor` may see `workerId` (AccessScope.requireWorker) and audits the read. */
  async historyForWorker(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience): Promise<ProgrammeHistoryDto[]> {
    const enrolments = await ENROLMENTS.many(manager, { workerId });
    if (enrolments.length === 0) return [];
    const programmes = new Map((await manager.find(CareProgramme, { where: { id: In(enrolments.map((e) => e.programmeId)) } })).map((p) => [p.id, p]));
    const mayShowSensitive = audience === 'self' || CLINICAL_ROLES.includes(actor.role);
    const attended = new Map(
      (
        await manager
          .createQueryBuilder()
          .from('programme_attendance', 'a')
          .select('a.programme_id', 'programmeId')
          .addSelect('COUNT(*)', 'n')
          .where(`a.worker_id = :workerId AND a.status = 'present'`, { workerId })
          .groupBy('a.programme_id')
          .getRawMany<{ programmeId: string; n: unknown }>()
      ).map((r) => [r.programmeId, num(r.n)]),
    );
    const subgroups = await this.access.subgroups(manager);
    return enrolments
      .filter((e) => programmes.has(e.programmeId) && (mayShowSensitive || !programmes.get(e.programmeId)!.sensitive))
      .map((e) => {
        const programme = programmes.get(e.programmeId)!;
        return {
          programmeId: programme.id,
          title: programme.title,
          subgroup: programme.subgroupCode,
          subgroupName: subgroupName(subgroups.get(programme.subgroupCode), programme.subgroupCode),
          sensitive: programme.sensitive,
          status: e.status,
          source: e.source,
          invitedAt: e.createdAt.toISOString(),
          statusChangedAt: iso(e.statusChangedAt),
          sessionsAttended: attended.get(programme.id) ?? 0,
        };
      });
  }
}
