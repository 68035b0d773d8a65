import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';

/**
 * Counselling's part in a deletion (心理咨询服务): session notes (clinical free text) go; appointments stay as
 * pseudonymous times and attendance (the counselling-use dashboard counts them).
 */
@Injectable()
export class CounsellingRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'counselling',
      rules: [
        { table: 'counselling_session_notes', action: 'delete', what: '咨询记录 / session notes' },
        { table: 'counselling_appointments', action: 'pseudonymise', what: '仅余时间与出席 / times and attendance only' },
      ],
      erase: (manager, { workerId }) => runErasure(manager, ['DELETE FROM counselling_session_notes WHERE worker_id = :cs_worker'], { cs_worker: workerId }),
    });
  }
}
