import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';

/** Self-help groups' part in a deletion: the display name fellow members saw is replaced; membership stays as ids. */
@Injectable()
export class GroupsRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'groups',
      rules: [{ table: 'peer_group_members', action: 'pseudonymise', what: '组内昵称替换 / display name replaced' }],
      erase: (manager, { workerId }) => runErasure(manager, ["UPDATE peer_group_members SET display_name = '已退出成员' WHERE worker_id = :gr_worker"], { gr_worker: workerId }),
    });
  }
}
