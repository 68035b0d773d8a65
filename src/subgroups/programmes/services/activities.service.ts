import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { UsersService } from '../../../people/users/users.service.js';
import { CampaignsService } from '../../../population/assessments/campaigns/campaigns.service.js';
import { EducationLinks, type EducationRef } from '../../../population/education/services/education-links.service.js';
import { move } from '../../../platform/state-machine.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock, DAY } from '../../../platform/clock/clock.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { campaignFiltersOf } from '../domain/eligibility-rule.js';
import { ACTIVITY_TRANSITIONS, type ScreeningPhase } from '../domain/programme-rules.js';
import type { ActivityDto, CreateActivityDto } from '../dto/activity.dto.js';
import type { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeActivity } from '../entities/programme-activity.entity.js';
import { ProgrammeErrors } from '../programme-errors.js';
import { toActivityDto } from '../programmes.mapper.js';
import { START_JOB, startKey } from './activity-start.service.js';
import { ProgrammeAccess } from './programme-access.service.js';

const DEFAULT_WINDOW_DAYS = 14;

/**
 * A programme's plan: activities on a schedule. A screening launches its campaign through the assessments module
 * (CampaignsService.createIn, in this transaction) for the programme's unit, narrowed by the rule's facts; education
 * links an existing course or event; group sessions and check-ins are the programme's own. Each activity queues a
 * durable `programme.activity.start` job at its time (see ActivityStart).
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly access: ProgrammeAccess,
    private readonly users: UsersService,
    private readonly campaigns: CampaignsService,
    private readonly education: EducationLinks,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, programmeId: string, input: CreateActivityDto): Promise<ActivityDto> {
    const scheduledAt = new Date(input.scheduledAt);
    if (scheduledAt <= this.clock.now()) throw ProgrammeErrors.activityInPast();
    checkFields(input);
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      if (programme.status === 'closed') throw ProgrammeErrors.closed();
      const responsibleId = await this.requireResponsible(manager, programme, input.responsibleId ?? actor.userId);
      const activity = manager.create(ProgrammeActivity, {
        programmeId: programme.id,
        kind: input.kind,
        title: input.title.trim(),
        scheduledAt,
        responsibleId,
        status: 'scheduled',
        instrumentCodes: null,
        phase: null,
        campaignId: null,
        courseId: null,
        eventId: null,
        createdBy: actor.userId,
      });
      if (input.kind === 'screening') await this.launchScreening(manager, actor, programme, activity, input);
      if (input.kind === 'education') {
        const ref: EducationRef = input.courseId ? { kind: 'course', id: input.courseId } : { kind: 'event', id: input.eventId! };
        await this.education.requireLinkable(manager, actor, ref);
        activity.courseId = input.courseId ?? null;
        activity.eventId = input.eventId ?? null;
      }
      await manager.save(activity);
      await this.queue.enqueue(manager, START_JOB, { activityId: activity.id }, { runAt: scheduledAt, dedupeKey: startKey(activity.id) });
      await this.audit.record(manager, actor, {
        action: 'programme.activity_create',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { activityId: activity.id, kind: activity.kind, campaignId: activity.campaignId },
      });
      return toActivityDto(activity);
    });
  }

  list(actor: Actor, programmeId: string): Promise<ActivityDto[]> {
    return this.transactions.read(async (manager) => {
      const programme = await this.access.requireReadable(manager, actor, programmeId);
      const activities = await manager.find(ProgrammeActivity, { where: { programmeId: programme.id }, order: { scheduledAt: 'ASC', id: 'ASC' } });
      return activities.map(toActivityDto);
    });
  }

  /** A scheduled activity is called off: its start job is dropped and a screening's campaign closed. */
  cancel(actor: Actor, programmeId: string, activityId: string): Promise<ActivityDto> {
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      const activity = await manager.findOne(ProgrammeActivity, { where: { id: activityId, programmeId: programme.id } });
      if (!activity) throw notFound('Activity', '该活动');
      activity.status = move(ACTIVITY_TRANSITIONS, activity.status, 'cancelled');
      await manager.save(activity);
      await this.queue.cancel(manager, startKey(activity.id));
      if (activity.campaignId) await this.campaigns.closeIn(manager, actor, activity.campaignId);
      await this.audit.record(manager, actor, { action: 'programme.activity_cancel', resourceType: 'programme', resourceId: programme.id, detail: { activityId } });
      return toActivityDto(activity);
    });
  }

  /** On activation: activities whose time passed while the programme was a draft start now. */
  async startOverdue(manager: EntityManager, programmeId: string): Promise<void> {
    const overdue = await manager.find(ProgrammeActivity, {
      where: { programmeId, status: 'scheduled', scheduledAt: LessThanOrEqual(this.clock.now()) },
      select: { id: true },
    });
    for (const { id } of overdue) await this.queue.enqueue(manager, START_JOB, { activityId: id }, { dedupeKey: `${startKey(id)}:on-activation` });
  }

  /** On closing: scheduled activities are cancelled (their start jobs then do nothing). */
  async cancelScheduled(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.update(ProgrammeActivity, { programmeId, status: 'scheduled' }, { status: 'cancelled' });
  }

  private async launchScreening(manager: EntityManager, actor: Actor, programme: CareProgramme, activity: ProgrammeActivity, input: CreateActivityDto) {
    const phase: ScreeningPhase = input.phase ?? ((await manager.exists(ProgrammeActivity, { where: { programmeId: programme.id, kind: 'screening' } })) ? 'follow_up' : 'baseline');
    const campaign = await this.campaigns.createIn(manager, actor, {
      title: activity.title,
      description: programme.sensitive ? undefined : programme.title,
      instrumentCodes: input.instrumentCodes!,
      targetUnitIds: [programme.orgUnitId],
      filters: campaignFiltersOf(programme.eligibility),
      opensAt: activity.scheduledAt.toISOString(),
      closesAt: new Date(activity.scheduledAt.getTime() + (input.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY).toISOString(),
      // The programme tells its own enrolled workers; the campaign's reminders would reach its wider audience.
      reminderIntervalDays: 0,
    });
    activity.instrumentCodes = campaign.instrumentCodes;
    activity.phase = phase;
    activity.campaignId = campaign.id;
  }

  /** An active counsellor or supervisor whose scope holds the programme's unit, so every enrolled worker is theirs. */
  private async requireResponsible(manager: EntityManager, programme: CareProgramme, userId: string): Promise<string> {
    const user = await this.users.findById(manager, userId);
    if (!user || !user.active || !['counsellor', 'supervisor'].includes(user.role)) throw ProgrammeErrors.responsible();
    if (!(await this.scope.unitWithin(manager, programme.orgUnitId, user.orgUnitId))) throw ProgrammeErrors.responsible();
    return user.id;
  }
}

function checkFields(input: CreateActivityDto): void {
  const screeningFields = input.instrumentCodes !== undefined || input.phase !== undefined || input.windowDays !== undefined;
  const educationFields = input.courseId !== undefined || input.eventId !== undefined;
  if (input.kind === 'screening' && (!input.instrumentCodes || educationFields)) {
    throw ProgrammeErrors.activityFields('筛查活动须填写量表（instrumentCodes），不能关联课程或活动', 'A screening needs instrumentCodes and takes no courseId or eventId');
  }
  if (input.kind === 'education' && ((input.courseId === undefined) === (input.eventId === undefined) || screeningFields)) {
    throw ProgrammeErrors.activityFields('教育活动须且只能关联一门课程（courseId）或一场讲座/工作坊（eventId）', 'An education activity links exactly one courseId or eventId');
  }
  if ((input.kind === 'group_session' || input.kind === 'check_in') && (screeningFields || educationFields)) {
    throw ProgrammeErrors.activityFields('团体活动和个别访谈不关联量表、课程或活动', 'Group sessions and check-ins take no instruments, course or event');
  }
}
