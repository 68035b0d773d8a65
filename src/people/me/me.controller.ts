import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { ownWorkerId } from './own-worker.js';
import { RecordConsentDto, type ConsentEventDto, type ConsentsDto } from '../consents/consent.dto.js';
import { ConsentsService } from '../consents/consents.service.js';
import type { WorkerDto } from '../workers/worker.dto.js';
import { WorkersService } from '../workers/workers.service.js';

/** A worker's own view: their profile and their consents. */
@ApiTags('me 我的')
@Controller('me')
export class MeController {
  constructor(
    private readonly workers: WorkersService,
    private readonly consents: ConsentsService,
  ) {}

  @Get('profile')
  @Authorize(Permission.SelfRead)
  profile(@CurrentActor() actor: Actor): Promise<WorkerDto> {
    return this.workers.get(actor, ownWorkerId(actor));
  }

  @Get('consents')
  @Authorize(Permission.SelfRead)
  listConsents(@CurrentActor() actor: Actor): Promise<ConsentsDto> {
    return this.consents.list(actor, ownWorkerId(actor));
  }

  @Post('consents')
  @Authorize(Permission.SelfConsent)
  recordConsent(@CurrentActor() actor: Actor, @Body() input: RecordConsentDto): Promise<ConsentEventDto> {
    return this.consents.record(actor, ownWorkerId(actor), input);
  }
}
