import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WORKER_PROFILE_CHANGED, type WorkerProfileChangedEvent } from '../../people/workers/worker-events.js';
import { DomainEvents } from '../../platform/jobs/domain-events.js';
import { EligibilityService } from './services/eligibility.service.js';

export const AUTO_ENROL_SUBSCRIBER = 'subgroups.auto-enrol';

/**
 * Automatic enrolment: a worker entering career transition, a new special-post assignment or any profile change
 * that makes them match an active auto-enrol programme enrols them there, through the outbox (after the change
 * commits, once per delivery, retried on failure).
 */
@Injectable()
export class AutoEnrolSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly eligibility: EligibilityService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(WORKER_PROFILE_CHANGED, AUTO_ENROL_SUBSCRIBER, async (payload, manager) => {
      const event = payload as unknown as WorkerProfileChangedEvent;
      await this.eligibility.autoEnrol(manager, event.workerId);
    });
  }
}
