import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ASSESSMENT_CRISIS, type AssessmentCrisisEvent } from '../../../population/assessments/assessment-events.js';
import { COUNSELLING_CRISIS_FLAGGED } from '../../../population/counselling/counselling-events.js';
import { ONLINE_COUNSELLING_CRISIS_FLAGGED, type OnlineCrisisFlaggedEvent } from '../../../population/online-counselling/online-counselling-events.js';
import { DomainEvents } from '../../../platform/jobs/domain-events.js';
import { levelFromCounselling } from '../domain/case-sources.js';
import { CrisisCasesService } from './crisis-cases.service.js';

export const OPEN_CASE_SUBSCRIBER = 'individual.open-case';

/** `counselling.crisis_flagged` as the counselling module publishes it. */
interface CounsellingCrisisFlag {
  appointmentId: string;
  workerId: string;
  orgUnitId: string;
  counsellorId: string;
  level: string;
}

/**
 * Opens crisis cases from events of the tiers below, through the outbox: each delivery runs in the transaction that
 * completes its job, and opening is idempotent per source, so a crash at any point still leaves exactly one case.
 */
@Injectable()
export class CrisisEventsSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly cases: CrisisCasesService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(ASSESSMENT_CRISIS, OPEN_CASE_SUBSCRIBER, async (payload, manager) => {
      const event = payload as unknown as AssessmentCrisisEvent;
      await this.cases.openFromAssessment(manager, event);
    });
    this.events.subscribe(COUNSELLING_CRISIS_FLAGGED, OPEN_CASE_SUBSCRIBER, async (payload, manager) => {
      const flag = payload as unknown as CounsellingCrisisFlag;
      await this.cases.openFromCounselling(manager, {
        appointmentId: flag.appointmentId,
        workerId: flag.workerId,
        counsellorId: flag.counsellorId ?? null,
        level: levelFromCounselling(flag.level),
      });
    });
    this.events.subscribe(ONLINE_COUNSELLING_CRISIS_FLAGGED, OPEN_CASE_SUBSCRIBER, async (payload, manager) => {
      const flag = payload as unknown as OnlineCrisisFlaggedEvent;
      await this.cases.openFromOnlineMessage(manager, { ...flag, level: levelFromCounselling(flag.level) });
    });
  }
}
