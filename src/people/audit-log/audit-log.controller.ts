import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { AuditQueryDto, type AuditEventDto, type AuditVerificationDto } from '../../platform/audit/audit.dto.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit 审计')
@Controller('audit')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get('events')
  @Authorize(Permission.AuditRead)
  search(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventDto[]> {
    return this.auditLog.search(actor, query);
  }

  @Post('verify')
  @HttpCode(200)
  @Authorize(Permission.AuditRead)
  verify(@CurrentActor() actor: Actor): Promise<AuditVerificationDto> {
    return this.auditLog.verify(actor);
  }
}
