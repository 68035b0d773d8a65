import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { CurrentActor, type Actor } from '../auth/actor.js';
import { Authorize } from '../auth/authorize.decorator.js';
import { Permission } from '../auth/permissions.js';
import { PushStreams } from './push-streams.service.js';

@ApiTags('push 实时推送')
@Controller('events')
export class PushController {
  constructor(private readonly streams: PushStreams) {}

  /**
   * Server-Sent Events for the signed-in user: new and changed crisis cases and desk requests in your scope, and your
   * notifications (`event: push`, data `{topic, change, id, data, sentAt}`; ids and levels only, never names). Sends
   * `ready` first and a `ping` every 25 s; ends when your access token would expire (reconnect with a fresh one).
   */
  @Sse()
  @Authorize(Permission.NotificationRead)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  stream(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    return this.streams.open(actor);
  }
}
