import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../platform/data-subject/data-subject.registry.js';

/** Self-join's part in a deletion: the membership decisions about the worker go with the profile's identity. */
@Injectable()
export class MobileAccessRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'mobile-access',
      rules: [{ table: 'join_requests', action: 'delete', what: '入会申请及其审核 / membership requests and decisions' }],
      erase: (manager, { workerId }) => runErasure(manager, ['DELETE FROM join_requests WHERE worker_id = :ma_worker'], { ma_worker: workerId }),
    });
  }
}
