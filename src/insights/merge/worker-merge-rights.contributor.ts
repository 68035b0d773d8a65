import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../platform/data-subject/data-subject.registry.js';

/** The merge journal holds both profiles' earlier contact details (encrypted): it goes with the worker's data. */
@Injectable()
export class WorkerMergeRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'worker-merge',
      rules: [{ table: 'worker_merges', action: 'delete', what: '档案合并记录（含合并前的联系方式）/ merge journal, with earlier contact details' }],
      erase: (manager, { workerId }) =>
        runErasure(manager, ['DELETE FROM worker_merges WHERE worker_id = :wm_worker OR duplicate_worker_id = :wm_worker'], { wm_worker: workerId }),
    });
  }
}
