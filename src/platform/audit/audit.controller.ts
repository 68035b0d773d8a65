import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor.js';
import { Authorize } from '../auth/authorize.decorator.js';
import { Permission } from '../auth/permissions.js';
import { AuditQueryDto, type AuditEventDto, type AuditVerificationDto } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  @Authorize(Permission.AuditRead)
  search(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventDto[]> {
    return this.audit.search(actor, query);
  }

  @Post('verify')
  @HttpCode(200)
  @Authorize(Permission.AuditRead)
  verify(@CurrentActor() actor: Actor): Promise<AuditVerificationDto> {
    return this.audit.verifyFor(actor);
  }
}
