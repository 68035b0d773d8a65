import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../platform/data-subject/data-subject.registry.js';

/**
 * The individual tier's shared history and critical incidents in a deletion: history rows keep their transitions
 * (who moved what, when) with the free-text reason cleared; incident membership and attendance hold ids only.
 */
@Injectable()
export class IndividualRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'individual',
      rules: [
        { table: 'individual_history', action: 'pseudonymise', what: '变更理由文字清除 / free-text reasons cleared' },
        { table: 'incident_workers', action: 'pseudonymise', what: '仅余编号 / ids only' },
        { table: 'incident_attendance', action: 'pseudonymise', what: '仅余编号 / ids only' },
      ],
      erase: (manager, { workerId }) => runErasure(manager, ['UPDATE individual_history SET reason = NULL WHERE worker_id = :ih_worker'], { ih_worker: workerId }),
    });
  }
}
