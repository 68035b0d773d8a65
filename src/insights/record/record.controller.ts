import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { MyRecordDto, WorkerRecordDto } from './record.dto.js';
import { RecordService } from './record.service.js';

@ApiTags('record 心理档案')
@Controller()
export class RecordController {
  constructor(private readonly records: RecordService) {}

  /** A worker's psychological record: every result over time per instrument, with change, plus consents (audited). */
  @Get('workers/:id/record')
  @Authorize(Permission.RecordRead)
  forWorker(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WorkerRecordDto> {
    return this.records.forWorker(actor, id);
  }

  /** Your own record, in plain language. */
  @Get('me/record')
  @Authorize(Permission.SelfRead)
  mine(@CurrentActor() actor: Actor): Promise<MyRecordDto> {
    return this.records.mine(actor);
  }
}
