import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { RecordConsentDto, type ConsentEventDto, type ConsentsDto } from './consent.dto.js';
import { ConsentsService } from './consents.service.js';

@ApiTags('consents 知情同意')
@Controller('workers/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @Authorize(Permission.ConsentRead)
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) workerId: string): Promise<ConsentsDto> {
    return this.consents.list(actor, workerId);
  }

  @Post()
  @Authorize(Permission.ConsentRecord)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) workerId: string,
    @Body() input: RecordConsentDto,
  ): Promise<ConsentEventDto> {
    return this.consents.record(actor, workerId, input);
  }
}
