import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { deskVocabulary } from '../desk-vocabulary.js';
import { FiguresQueryDto, type FiguresDto } from '../dto/figures.dto.js';
import { SupervisionQueryDto, type QueuePageDto, type VocabularyDto } from '../dto/request.dto.js';
import { CreateRoutingRuleDto, type RoutingRuleDto } from '../dto/routing.dto.js';
import { FiguresService } from '../figures/figures.service.js';
import { SupervisionService } from '../supervision/supervision.service.js';
import { RoutingService } from '../triage/routing.service.js';

/** 随时督办, routing rules, desk figures and the desk's vocabulary. */
@ApiTags('service desk 服务台')
@Controller('desk')
export class DeskAdminController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly routing: RoutingService,
    private readonly figuresService: FiguresService,
  ) {}

  /** Categories, channels, urgencies and statuses with Chinese and English labels. */
  @Get('vocabulary')
  @Authorize(Permission.DeskVocabularyRead)
  vocabulary(): VocabularyDto {
    return deskVocabulary();
  }

  /** Overdue requests supervised (督办) by units in your scope, most escalated first. */
  @Get('supervision')
  @Authorize(Permission.DeskSupervise)
  supervised(@CurrentActor() actor: Actor, @Query() query: SupervisionQueryDto): Promise<QueuePageDto> {
    return this.supervision.list(actor, query);
  }

  @Get('routing-rules')
  @Authorize(Permission.DeskRoutingManage)
  rules(@CurrentActor() actor: Actor): Promise<RoutingRuleDto[]> {
    return this.routing.list(actor);
  }

  @Post('routing-rules')
  @Authorize(Permission.DeskRoutingManage)
  createRule(@CurrentActor() actor: Actor, @Body() input: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.routing.create(actor, input);
  }

  @Delete('routing-rules/:id')
  @HttpCode(204)
  @Authorize(Permission.DeskRoutingManage)
  removeRule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.routing.remove(actor, id);
  }

  /** Requests, time to answer and resolve, overdue, forwarded, reopened, satisfaction, by unit; small cells withheld for officials. */
  @Get('figures')
  @Authorize(Permission.DeskFigures)
  figures(@CurrentActor() actor: Actor, @Query() query: FiguresQueryDto): Promise<FiguresDto> {
    return this.figuresService.figures(actor, query);
  }
}
