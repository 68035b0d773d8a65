import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';

/**
 * Education's part in a deletion (心理健康教育与素养提升): feedback comments go; enrolments, completions, quiz and
 * literacy scores stay as pseudonymous figures (participation and literacy-change reports count them).
 */
@Injectable()
export class EducationRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'education',
      rules: [
        { table: 'edu_event_registrations', action: 'pseudonymise', what: '活动评价文字清除 / feedback comments cleared' },
        { table: 'edu_enrolments', action: 'pseudonymise', what: '仅余编号与进度 / ids and progress only' },
        { table: 'edu_lesson_completions', action: 'pseudonymise', what: '仅余编号 / ids only' },
        { table: 'edu_quiz_attempts', action: 'pseudonymise', what: '仅余得分 / scores only' },
        { table: 'edu_literacy_checks', action: 'pseudonymise', what: '仅余得分 / scores only' },
      ],
      erase: (manager, { workerId }) => runErasure(manager, ['UPDATE edu_event_registrations SET comment = NULL WHERE worker_id = :ed_worker'], { ed_worker: workerId }),
    });
  }
}
