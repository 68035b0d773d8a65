import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';

/**
 * Care programmes' part in a deletion (线): staff task notes about the worker are cleared; enrolments and attendance
 * stay as ids and statuses (the programme dashboards count them).
 */
@Injectable()
export class ProgrammeRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'programmes',
      rules: [
        { table: 'programme_enrolments', action: 'pseudonymise', what: '仅余编号与状态 / ids and status only' },
        { table: 'programme_attendance', action: 'pseudonymise', what: '仅余编号与出席 / ids and attendance only' },
        { table: 'programme_tasks', action: 'pseudonymise', what: '任务备注清除 / task notes cleared' },
      ],
      erase: (manager, { workerId }) => runErasure(manager, ['UPDATE programme_tasks SET note = NULL WHERE worker_id = :pg_worker'], { pg_worker: workerId }),
    });
  }
}
