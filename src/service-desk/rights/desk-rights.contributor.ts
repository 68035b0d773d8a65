import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../platform/data-subject/data-subject.registry.js';
import { DeskForward } from '../entities/desk-forward.entity.js';
import { DeskRequest } from '../entities/desk-request.entity.js';

const ERASED = '（已删除）';

/**
 * The service desk's part in the data-subject rights (12351 and online requests): the worker's requests are listed
 * in their copy; on deletion the caller's name and number, the description, resolution and feedback, the trail's
 * notes and the forwarding instructions are cleared. Requests stay as pseudonymous times and statuses (the desk's
 * figures and the dashboards count them).
 */
@Injectable()
export class DeskRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'service-desk',
      rules: [
        { table: 'desk_requests', action: 'pseudonymise', what: '来电人、回拨号码、诉求内容、答复与评价清除 / caller, number, summary, resolution, feedback cleared' },
        { table: 'desk_request_events', action: 'pseudonymise', what: '处理记录文字清除 / trail notes cleared' },
        { table: 'desk_forwards', action: 'pseudonymise', what: '转办说明清除 / forwarding instructions cleared' },
      ],
      erase: async (manager, { workerId }) => {
        const requests = `SELECT id FROM desk_requests WHERE worker_id = :dk_worker`;
        await runErasure(
          manager,
          [
            `UPDATE desk_request_events SET body = NULL WHERE request_id IN (${requests})`,
            `UPDATE desk_forwards SET return_reason = NULL WHERE request_id IN (${requests})`,
            'UPDATE desk_requests SET caller_name = NULL, callback_number = NULL, resolution = NULL, feedback_comment = NULL WHERE worker_id = :dk_worker',
          ],
          { dk_worker: workerId },
        );
        // Encrypted NOT NULL columns: written through the entities so the cipher wraps the placeholder.
        const ids = (await manager.find(DeskRequest, { select: { id: true }, where: { workerId } })).map((r) => r.id);
        await manager.update(DeskRequest, { workerId }, { summary: ERASED });
        for (const requestId of ids) await manager.update(DeskForward, { requestId }, { instructions: ERASED });
      },
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const requests = await manager.find(DeskRequest, { where: { workerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return {
      resources: [],
      sections: [
        {
          title: { zh: '职工服务热线与网上诉求', en: 'Service desk requests' },
          rows: requests.map((r) => ({ label: `${r.createdAt.toISOString().slice(0, 10)} ${r.reference}`, value: `${r.status}：${r.summary}${r.resolution ? ` → ${r.resolution}` : ''}` })),
        },
      ],
    };
  }
}
