import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { dbTime } from '../../platform/database/db-time.js';
import { runStatement } from '../../platform/database/statement.js';
import { RetentionRegistry } from '../../platform/retention/retention.registry.js';
import { DeskForward } from '../entities/desk-forward.entity.js';
import { DeskRequest } from '../entities/desk-request.entity.js';

/** What a request's description reads once its text has gone (the column is NOT NULL). */
export const TEXT_REMOVED = '（已超过保留期限，内容已清除）/ (removed after the retention period)';

/**
 * Closed requests keep their row — reference, channel, category, unit, times, deadlines met or missed, the rating —
 * because the desk's figures and the dashboards count them; after RETENTION_DESK_TEXT_DAYS their free text goes: the
 * caller's name and number, the description, the resolution, the feedback comment, the trail's texts and the
 * forwards' instructions and reasons. `text_removed_at` marks a request done, so each run only touches new ones.
 */
@Injectable()
export class DeskRetention implements OnModuleInit {
  constructor(
    private readonly registry: RetentionRegistry,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'desk_requests.text',
      setting: 'RETENTION_DESK_TEXT_DAYS',
      what: 'free text of requests closed before the cut-off is cleared; the request, its trail rows and figures stay',
      apply: (manager, cutoff, limit) => this.removeText(manager, cutoff, limit),
    });
  }

  private async removeText(manager: EntityManager, cutoff: Date, limit: number): Promise<number> {
    const { rows } = await runStatement<{ id: string }>(
      manager,
      `SELECT id FROM desk_requests WHERE status = 'closed' AND closed_at < :cutoff AND text_removed_at IS NULL LIMIT ${Number(limit)}`,
      { cutoff: dbTime(cutoff) },
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    const where = { ids };
    await runStatement(manager, 'UPDATE desk_request_events SET body = NULL WHERE request_id IN (:...ids)', where);
    await runStatement(manager, 'UPDATE desk_forwards SET return_reason = NULL WHERE request_id IN (:...ids)', where);
    // Encrypted NOT NULL columns through the entities: the cipher wraps the placeholder once for the whole batch.
    await manager.update(DeskForward, { requestId: In(ids) }, { instructions: TEXT_REMOVED });
    const { affected } = await manager.update(
      DeskRequest,
      { id: In(ids), textRemovedAt: IsNull() },
      { summary: TEXT_REMOVED, callerName: null, callbackNumber: null, resolution: null, feedbackComment: null, textRemovedAt: this.clock.now() },
    );
    return affected ?? ids.length;
  }
}
