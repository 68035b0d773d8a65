import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { RiskAlertQueryDto, type RiskAlertDto, type RiskAlertPageDto } from '../dto/risk-alert.dto.js';
import { RiskAlertsService } from '../risk-alerts.service.js';

@ApiTags('risk alerts 风险提示')
@Controller('risk-alerts')
export class RiskAlertsController {
  constructor(private readonly alerts: RiskAlertsService) {}

  /** Crisis results of workers in your scope, newest first: who, what and when. */
  @Get()
  @Authorize(Permission.RiskAlertRead)
  list(@CurrentActor() actor: Actor, @Query() query: RiskAlertQueryDto): Promise<RiskAlertPageDto> {
    return this.alerts.list(actor, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Authorize(Permission.RiskAlertAcknowledge)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RiskAlertDto> {
    return this.alerts.acknowledge(actor, id);
  }
}
