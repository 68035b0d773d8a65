import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../people/access/access-scope.service.js';
import { ConsentsService } from '../../people/consents/consents.service.js';
import { ownWorkerId } from '../../people/me/own-worker.js';
import { AssessmentHistory } from '../../population/assessments/assessment-history.service.js';
import { CounsellingHistoryService, sessionNotesShown } from '../../population/counselling/services/counselling-history.service.js';
import { EducationHistoryService } from '../../population/education/services/education-history.service.js';
import { GroupsHistoryService } from '../../population/groups/services/groups-history.service.js';
import { OnlineCounsellingHistoryService, onlineConversationsShown } from '../../population/online-counselling/services/online-counselling-history.service.js';
import type { RecordAudience } from '../../population/shared/record-audience.js';
import { CrisisRecordQuery } from '../../individual/crisis/services/crisis-record.query.js';
import { ReferralRecordQuery } from '../../individual/referrals/services/referral-record.query.js';
import { ProgrammeHistoryService } from '../../subgroups/programmes/services/programme-history.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { toMyRecordInstrumentDto, toRecordInstrumentDto } from './record-mapper.js';
import type { MyRecordDto, WorkerRecordDto } from './record.dto.js';

/**
 * 心理档案, composed above the tiers: it gathers each module's part through that module's exported query service
 * (assessments: AssessmentHistory; people: ConsentsService; subgroups: ProgrammeHistoryService; individual:
 * CrisisRecordQuery, ReferralRecordQuery), so no tier imports another to build it. Every read of a
 * worker's record by someone else is audited in the same transaction as the reads.
 */
@Injectable()
export class RecordService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assessments: AssessmentHistory,
    private readonly consents: ConsentsService,
    private readonly education: EducationHistoryService,
    private readonly groups: GroupsHistoryService,
    private readonly counselling: CounsellingHistoryService,
    private readonly onlineCounselling: OnlineCounsellingHistoryService,
    private readonly crisis: CrisisRecordQuery,
    private readonly referrals: ReferralRecordQuery,
    private readonly programmes: ProgrammeHistoryService,
  ) {}

  /** The rest of the 面 tier: each service applies its own visibility rules for the audience. */
  private async populationServices(manager: EntityManager, actor: Actor, workerId: string, audience: RecordAudience) {
    return {
      learning: await this.education.historyForWorker(manager, actor, workerId, audience),
      groups: await this.groups.historyForWorker(manager, actor, workerId, audience),
      counselling: await this.counselling.historyForWorker(manager, actor, workerId, audience),
      onlineCounselling: await this.onlineCounselling.historyForWorker(manager, actor, workerId, audience),
      // 线: care programmes; a sensitive programme only for clinical staff in scope and the worker themselves.
      programmes: await this.programmes.historyForWorker(manager, actor, workerId, audience),
    };
  }

  async forWorker(actor: Actor, workerId: string): Promise<WorkerRecordDto> {
    const record = await this.transactions.read(async (manager): Promise<WorkerRecordDto> => {
      const worker = await this.scope.requireWorker(manager, actor, workerId);
      const assessments = await this.assessments.forWorker(manager, worker.id);
      return {
        worker: { id: worker.id, name: worker.name, orgUnitId: worker.orgUnitId },
        assessments: assessments.map(toRecordInstrumentDto),
        ...(await this.populationServices(manager, actor, worker.id, 'staff')),
        individual: { ...(await this.crisis.forStaff(manager, worker.id)), referrals: await this.referrals.forStaff(manager, worker.id) },
        consents: await this.consents.history(manager, worker.id),
        generatedAt: this.clock.now().toISOString(),
      };
    });
    // The disclosure is on the record (committed) before the record leaves the server.
    await this.audit.recordRead(actor, {
      action: 'record.read',
      resourceType: 'worker',
      resourceId: workerId,
      workerId,
      detail: { sessionNotesShown: sessionNotesShown(record.counselling), onlineConversationsShown: onlineConversationsShown(record.onlineCounselling) },
    });
    return record;
  }

  /** The worker's own record in plain language (a worker reading their own record is not audited as a disclosure). */
  mine(actor: Actor): Promise<MyRecordDto> {
    return this.transactions.read(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      const assessments = await this.assessments.forWorker(manager, worker.id);
      return {
        assessments: assessments.map(toMyRecordInstrumentDto),
        ...(await this.populationServices(manager, actor, worker.id, 'self')),
        individual: { safetyPlan: await this.crisis.forWorker(manager, worker.id), referrals: await this.referrals.forWorker(manager, worker.id) },
        consents: await this.consents.history(manager, worker.id),
        generatedAt: this.clock.now().toISOString(),
      };
    });
  }
}
