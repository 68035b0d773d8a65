import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../platform/clock/clock.js';
import { DIALECT } from '../../../platform/database/dialect.js';
import { queryNamed, sqlUuid, typedParam } from '../../../platform/database/named-query.js';
import { JobQueue } from '../../../platform/jobs/job-queue.service.js';
import { NotificationService, type NotificationMessage } from '../../../platform/notifications/notification.service.js';
import { TASK_KIND_OF } from '../domain/programme-rules.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { ProgrammeActivity } from '../entities/programme-activity.entity.js';
import { ProgrammeTask } from '../entities/programme-task.entity.js';

export const START_JOB = 'programme.activity.start';
export const NOTIFY_JOB = 'programme.activity.notify';
export const startKey = (activityId: string) => `${START_JOB}:${activityId}`;
const BATCH = 500;

/**
 * When an activity is due (a durable job at its time, so it survives restarts): it starts, its tasks are created
 * for the responsible counsellor (a check-in: one per worker taking part, in one INSERT … SELECT; otherwise one
 * task), the counsellor is told, and the workers taking part are told in batches of 500 (keyset over worker id, each
 * batch in the transaction that queues the next, so none is told twice).
 */
@Injectable()
export class ActivityStart implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.queue.register(START_JOB, (payload, _job, manager) => this.start(manager!, String(payload.activityId)), { transactional: true });
    this.queue.register(NOTIFY_JOB, (payload, _job, manager) => this.notifyBatch(manager!, String(payload.activityId), typeof payload.after === 'string' ? payload.after : ''), {
      transactional: true,
    });
  }

  private async start(manager: EntityManager, activityId: string): Promise<void> {
    const activity = await manager.findOne(ProgrammeActivity, { where: { id: activityId } });
    if (!activity || activity.status !== 'scheduled') return;
    const programme = await manager.findOne(CareProgramme, { where: { id: activity.programmeId } });
    if (!programme || programme.status !== 'active') return;
    activity.status = 'started';
    await manager.save(activity);
    const now = this.clock.now();
    let tasks = 1;
    if (activity.kind === 'check_in') {
      const rows = await queryNamed(
        manager,
        `INSERT INTO programme_tasks (id, programme_id, activity_id, assignee_id, worker_id, kind, due_at, status, created_at)
         SELECT ${sqlUuid()}, e.programme_id, ${typedParam('taskActivityId', 'uuid')}, ${typedParam('taskAssigneeId', 'uuid')}, e.worker_id, 'check_in',
           ${typedParam('taskDueAt', 'timestamptz')}, 'open', ${typedParam('taskCreatedAt', 'timestamptz')}
         FROM programme_enrolments e
         WHERE e.programme_id = :taskProgrammeId AND e.status = 'accepted'
         RETURNING worker_id`,
        { taskActivityId: activity.id, taskAssigneeId: activity.responsibleId, taskDueAt: activity.scheduledAt, taskCreatedAt: now, taskProgrammeId: programme.id },
      );
      tasks = rows.length;
    } else {
      await manager.insert(ProgrammeTask, {
        programmeId: programme.id,
        activityId: activity.id,
        assigneeId: activity.responsibleId,
        workerId: null,
        kind: TASK_KIND_OF[activity.kind],
        dueAt: activity.scheduledAt,
        status: 'open',
        createdAt: now,
      });
    }
    await this.notifications.notify(manager, [{ userId: activity.responsibleId }], {
      kind: 'programme_task',
      title: `项目任务：${activity.title} / Programme tasks: ${activity.title}`,
      body: `「${programme.title}」的活动已开始，你有 ${tasks} 项任务。 / An activity of "${programme.title}" has started: ${tasks} task(s) for you.`,
      link: '/programme-tasks',
    });
    await this.queue.enqueue(manager, NOTIFY_JOB, { activityId: activity.id, after: '' }, { dedupeKey: `${NOTIFY_JOB}:${activity.id}:` });
  }

  private async notifyBatch(manager: EntityManager, activityId: string, after: string): Promise<void> {
    const activity = await manager.findOne(ProgrammeActivity, { where: { id: activityId } });
    if (!activity || activity.status !== 'started') return;
    const programme = await manager.findOne(CareProgramme, { where: { id: activity.programmeId } });
    if (!programme || programme.status !== 'active') return;
    const rows = await queryNamed<{ workerId: string; userId: string; email: string | null }>(
      manager,
      `SELECT e.worker_id AS "workerId", u.id AS "userId", u.email AS email
       FROM programme_enrolments e JOIN users u ON u.worker_id = e.worker_id AND u.active
       WHERE e.programme_id = :programmeId AND e.status = 'accepted' AND e.worker_id > :after
       ORDER BY e.worker_id LIMIT ${BATCH}`,
      // Keyset on worker id; '' sorts before every id (uuid on PostgreSQL: the nil uuid).
      { programmeId: programme.id, after: after || (DIALECT === 'postgres' ? '00000000-0000-0000-0000-000000000000' : '') },
    );
    if (rows.length === 0) return;
    await this.notifications.notify(manager, rows.map((r) => ({ userId: r.userId, email: r.email })), activityNotice(programme, activity));
    if (rows.length === BATCH) {
      const last = rows[rows.length - 1].workerId;
      await this.queue.enqueue(manager, NOTIFY_JOB, { activityId, after: last }, { dedupeKey: `${NOTIFY_JOB}:${activityId}:${last}` });
    }
  }
}

/** What the workers taking part are told; a sensitive programme's notice names neither it nor the activity. */
export function activityNotice(programme: CareProgramme, activity: ProgrammeActivity): NotificationMessage {
  const link = activity.campaignId ? `/me/campaigns/${activity.campaignId}` : `/me/programmes/${programme.id}`;
  if (programme.sensitive) {
    return {
      kind: 'programme_activity',
      title: '关爱服务有新安排 / Something new in your support programme',
      body: '你参加的关爱服务有新的安排，登录后可查看。 / There is something new in the support programme you joined; sign in to see it.',
      link,
    };
  }
  return {
    kind: 'programme_activity',
    title: `项目安排：${activity.title} / Programme activity: ${activity.title}`,
    body: `「${programme.title}」有新的安排：${activity.title}。 / "${programme.title}": ${activity.title}.`,
    link,
  };
}
