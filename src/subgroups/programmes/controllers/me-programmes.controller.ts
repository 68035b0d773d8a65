import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import type { ProgrammeEnrolmentDto, MyProgrammeDto } from '../dto/enrolment.dto.js';
import { EnrolmentsService } from '../services/enrolments.service.js';

@ApiTags('me 我的')
@Controller('me/programmes')
export class MeProgrammesController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  /** Programmes you were invited to, with the plan once you accepted. */
  @Get()
  @Authorize(Permission.ProgrammeParticipate)
  mine(@CurrentActor() actor: Actor): Promise<MyProgrammeDto[]> {
    return this.enrolments.mine(actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeParticipate)
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeEnrolmentDto> {
    return this.enrolments.respond(actor, id, 'accepted');
  }

  /** Declining is final for this programme. */
  @Post(':id/decline')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeParticipate)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeEnrolmentDto> {
    return this.enrolments.respond(actor, id, 'declined');
  }
}
