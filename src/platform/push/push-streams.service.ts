import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Observable } from 'rxjs';
import type { MessageEvent } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ROLE_PERMISSIONS } from '../auth/permissions.js';
import type { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { PushHub, RECONNECT_HINT_MS } from './push-hub.service.js';

const PING_MS = 25_000;

/**
 * One browser's event stream. Its scope (the path of the user's unit) is read once at connect, and the stream ends
 * when the access token would expire, so a deactivated account or a changed unit is picked up at the reconnect.
 * A worker's stream carries only their own notifications: scoped changes need a staff unit.
 */
@Injectable()
export class PushStreams {
  constructor(
    private readonly hub: PushHub,
    private readonly transactions: Transactions,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  open(actor: Actor): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let disconnect: (() => void) | null = null;
      let closed = false;
      const end = (retryMs: number) => {
        if (closed) return;
        subscriber.next({ type: 'bye', data: '', retry: retryMs });
        subscriber.complete();
      };
      void this.unitPath(actor)
        .then((unitPath) => {
          if (closed) return;
          subscriber.next({ type: 'ready', data: { at: Date.now() }, retry: RECONNECT_HINT_MS * 3 });
          disconnect = this.hub.connect({
            userId: actor.userId,
            permissions: ROLE_PERMISSIONS[actor.role],
            unitPath,
            send: (event) => subscriber.next({ type: 'push', data: event }),
            end,
          });
        })
        .catch(() => end(RECONNECT_HINT_MS * 3));
      const ping = setInterval(() => subscriber.next({ type: 'ping', data: '' }), PING_MS);
      const expiry = setTimeout(() => end(0), this.config.get('ACCESS_TOKEN_TTL_SECONDS', { infer: true }) * 1000);
      return () => {
        closed = true;
        clearInterval(ping);
        clearTimeout(expiry);
        disconnect?.();
      };
    });
  }

  private async unitPath(actor: Actor): Promise<string> {
    if (actor.role === 'worker' || !actor.orgUnitId) return '';
    const row = await this.transactions.read((manager) =>
      manager.createQueryBuilder().select('pu.path', 'path').from('org_units', 'pu').where('pu.id = :id', { id: actor.orgUnitId }).getRawOne<{ path: string }>(),
    );
    return row?.path ?? '';
  }
}
