import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { move } from '../../../platform/state-machine.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { fromDbTime } from '../../../platform/database/db-time.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { notFound } from '../../../platform/errors/domain-error.js';
import { attendanceOf, outcomeFits, TASK_TRANSITIONS, TAKING_PART, type TaskKind, type TaskOutcome, type TaskStatus } from '../domain/programme-rules.js';
import type { ProgrammeAttendanceInput, AttendanceResultDto, CompleteTaskDto, TaskDto, TaskQueryDto } from '../dto/activity.dto.js';
import { ProgrammeActivity } from '../entities/programme-activity.entity.js';
import { ProgrammeAttendance } from '../entities/programme-attendance.entity.js';
import { ProgrammeEnrolment } from '../entities/programme-enrolment.entity.js';
import { ProgrammeTask } from '../entities/programme-task.entity.js';
import { ProgrammeErrors } from '../programme-errors.js';
import { ProgrammeAccess } from './programme-access.service.js';

interface TaskRow {
  id: string;
  programmeId: string;
  programmeTitle: string;
  activityId: string;
  activityTitle: string;
  kind: TaskKind;
  workerId: string | null;
  workerName: string | null;
  dueAt: Date | string;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  completedAt: Date | string | null;
}

/** The counsellor's side of running a programme: their task list, closing tasks, attendance at group sessions. */
@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * GET /programme-tasks: the caller's own tasks, soonest first (open by default). Tasks name workers of (possibly
   * sensitive) programmes, so each read is audited with the worker ids shown.
   */
  mine(actor: Actor, query: TaskQueryDto): Promise<TaskDto[]> {
    return this.transactions.run(async (manager) => {
      const rows = await taskQuery(manager)
        .where('t.assignee_id = :assignee AND t.status = :status', { assignee: actor.userId, status: query.status ?? 'open' })
        .orderBy('t.due_at', 'ASC')
        .addOrderBy('w.name', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .limit(500)
        .getRawMany<TaskRow>();
      const workerIds = rows.flatMap((r) => (r.workerId ? [r.workerId] : []));
      if (workerIds.length > 0) {
        await this.audit.record(manager, actor, { action: 'programme.tasks_read', resourceType: 'programme_task', detail: { workerIds } });
      }
      return rows.map(toTaskDto);
    });
  }

  /** Closes one of the caller's own open tasks; a check-in records the worker's attendance with it. */
  complete(actor: Actor, taskId: string, input: CompleteTaskDto): Promise<TaskDto> {
    return this.transactions.run(async (manager) => {
      const task = await manager.findOne(ProgrammeTask, { where: { id: taskId, assigneeId: actor.userId } });
      if (!task) throw notFound('Task', '该任务');
      if (!outcomeFits(task.kind, input.outcome)) throw ProgrammeErrors.outcome(task.kind);
      task.status = move(TASK_TRANSITIONS, task.status, 'done');
      task.outcome = input.outcome;
      task.note = input.note ?? null;
      task.completedAt = this.clock.now();
      task.completedBy = actor.userId;
      await manager.save(task);
      const attendance = attendanceOf(input.outcome);
      if (task.workerId && attendance) {
        await manager.upsert(
          ProgrammeAttendance,
          { activityId: task.activityId, workerId: task.workerId, programmeId: task.programmeId, status: attendance, recordedBy: actor.userId, createdAt: this.clock.now() },
          ['activityId', 'workerId'],
        );
      }
      await this.audit.record(manager, actor, {
        action: 'programme_task.complete',
        resourceType: 'programme_task',
        resourceId: task.id,
        workerId: task.workerId,
        detail: { programmeId: task.programmeId, outcome: input.outcome },
      });
      return toTaskDto((await taskQuery(manager).where('t.id = :taskId', { taskId }).getRawOne<TaskRow>())!);
    });
  }

  /**
   * Attendance at a group session that has started: every listed worker must be taking part in the programme
   * (400 NOT_TAKING_PART naming the others). Recording again replaces a worker's earlier mark.
   */
  recordAttendance(actor: Actor, programmeId: string, activityId: string, input: ProgrammeAttendanceInput): Promise<AttendanceResultDto> {
    const absent = (input.absent ?? []).filter((id) => !input.present.includes(id));
    return this.transactions.run(async (manager) => {
      const programme = await this.access.require(manager, actor, programmeId);
      const activity = await manager.findOne(ProgrammeActivity, { where: { id: activityId, programmeId: programme.id } });
      if (!activity) throw notFound('Activity', '该活动');
      if (activity.kind !== 'group_session') throw ProgrammeErrors.notAttendable();
      if (activity.status !== 'started') throw ProgrammeErrors.notStarted();
      const listed = [...input.present, ...absent];
      const taking =
        listed.length > 0
          ? await manager.find(ProgrammeEnrolment, { where: { programmeId: programme.id, workerId: In(listed), status: In([...TAKING_PART]) }, select: { workerId: true } })
          : [];
      const takingIds = new Set(taking.map((e) => e.workerId));
      const outsiders = listed.filter((id) => !takingIds.has(id));
      if (outsiders.length > 0) throw ProgrammeErrors.notTakingPart(outsiders);
      const now = this.clock.now();
      const rows = listed.map((workerId) => ({
        activityId: activity.id,
        workerId,
        programmeId: programme.id,
        status: input.present.includes(workerId) ? ('present' as const) : ('absent' as const),
        recordedBy: actor.userId,
        createdAt: now,
      }));
      if (rows.length > 0) await manager.upsert(ProgrammeAttendance, rows, ['activityId', 'workerId']);
      await this.audit.record(manager, actor, {
        action: 'programme.attendance_record',
        resourceType: 'programme',
        resourceId: programme.id,
        detail: { activityId, present: input.present.length, absent: absent.length },
      });
      return { present: input.present.length, absent: absent.length };
    });
  }
}

/** Tasks with their programme, activity and worker names. */
const taskQuery = (manager: EntityManager) =>
  manager
        .createQueryBuilder()
        .from('programme_tasks', 't')
        .innerJoin('care_programmes', 'p', 'p.id = t.programme_id')
        .innerJoin('programme_activities', 'a', 'a.id = t.activity_id')
        .leftJoin('workers', 'w', 'w.id = t.worker_id')
        .select(['t.id AS id', 't.programme_id AS "programmeId"', 'p.title AS "programmeTitle"', 't.activity_id AS "activityId"', 'a.title AS "activityTitle"'])
        .addSelect(['t.kind AS kind', 't.worker_id AS "workerId"', 'w.name AS "workerName"', 't.due_at AS "dueAt"', 't.status AS status'])
        .addSelect(['t.outcome AS outcome', 't.completed_at AS "completedAt"']);

const toTaskDto = (r: TaskRow): TaskDto => ({
  id: r.id,
  programmeId: r.programmeId,
  programmeTitle: r.programmeTitle,
  activityId: r.activityId,
  activityTitle: r.activityTitle,
  kind: r.kind,
  workerId: r.workerId,
  workerName: r.workerName,
  dueAt: fromDbTime(r.dueAt).toISOString(),
  status: r.status,
  outcome: r.outcome,
  completedAt: r.completedAt ? fromDbTime(r.completedAt).toISOString() : null,
});
