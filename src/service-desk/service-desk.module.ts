import { Module } from '@nestjs/common';
import { DeskReportFacts } from './figures/desk-report-facts.js';
import { DeskRetention } from './rights/desk-retention.js';
import { DeskRightsContributor } from './rights/desk-rights.contributor.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CrisisModule } from '../individual/crisis/crisis.module.js';
import { PeopleModule } from '../people/people.module.js';
import { DeskAdminController } from './controllers/desk-admin.controller.js';
import { DeskRequestsController } from './controllers/desk-requests.controller.js';
import { MeRequestsController } from './controllers/me-requests.controller.js';
import { DeskForward } from './entities/desk-forward.entity.js';
import { DeskReferenceCounter } from './entities/desk-reference-counter.entity.js';
import { DeskRequestEvent } from './entities/desk-request-event.entity.js';
import { DeskRequest } from './entities/desk-request.entity.js';
import { DeskRoutingRule } from './entities/desk-routing-rule.entity.js';
import { FiguresService } from './figures/figures.service.js';
import { ForwardingService } from './forwarding/forwarding.service.js';
import { IntakeService } from './intake/intake.service.js';
import { ReferenceAllocator } from './intake/reference-allocator.js';
import { DeskQueueService } from './resolution/desk-queue.service.js';
import { HandlingService } from './resolution/handling.service.js';
import { MyRequestsService } from './resolution/my-requests.service.js';
import { DeadlineScheduler } from './shared/deadline-scheduler.js';
import { DeskAccess } from './shared/desk-access.js';
import { DeskNotifier } from './shared/desk-notifier.js';
import { DeskSettings } from './shared/desk-settings.js';
import { RequestTrail } from './shared/request-trail.js';
import { RequestViews } from './shared/request-views.js';
import { RequestWorkflow } from './shared/request-workflow.js';
import { SupervisionService } from './supervision/supervision.service.js';
import { CrisisBridge } from './triage/crisis-bridge.js';
import { RoutingService } from './triage/routing.service.js';
import { TriageService } from './triage/triage.service.js';

/**
 * 智慧工会 service desk (有求必应、有难必帮、有诉必回): intake from 12351 calls, walk-ins and online requests; routing
 * and triage (a crisis reaches the individual tier at once); 网上快速转办、随时督办; replies, resolution, rating and
 * reopening; desk figures. Publishes `service_desk.crisis_reported`.
 */
@Module({
  imports: [PeopleModule, CrisisModule, TypeOrmModule.forFeature([DeskRequest, DeskRequestEvent, DeskForward, DeskRoutingRule, DeskReferenceCounter])],
  controllers: [DeskRequestsController, MeRequestsController, DeskAdminController],
  providers: [
    DeskReportFacts,
    DeskRightsContributor,
    DeskRetention,
    DeskSettings,
    DeskAccess,
    RequestTrail,
    RequestViews,
    RequestWorkflow,
    DeadlineScheduler,
    DeskNotifier,
    ReferenceAllocator,
    RoutingService,
    CrisisBridge,
    IntakeService,
    TriageService,
    HandlingService,
    ForwardingService,
    SupervisionService,
    DeskQueueService,
    MyRequestsService,
    FiguresService,
  ],
  exports: [DeskReportFacts],
})
export class ServiceDeskModule {}
