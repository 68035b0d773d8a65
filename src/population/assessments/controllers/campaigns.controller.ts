import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CampaignReports } from '../campaigns/campaign-reports.service.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import {
  CampaignQueryDto,
  CreateCampaignDto,
  type CampaignDto,
  type CampaignPageDto,
  type CampaignResultPageDto,
  type MyCampaignDto,
  type ParticipationDto,
} from '../dto/campaign.dto.js';

@ApiTags('campaigns 测评活动')
@Controller()
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: CampaignReports,
  ) {}

  @Post('campaigns')
  @Authorize(Permission.CampaignManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(actor, input);
  }

  @Get('campaigns')
  @Authorize(Permission.CampaignRead)
  list(@CurrentActor() actor: Actor, @Query() query: CampaignQueryDto): Promise<CampaignPageDto> {
    return this.campaigns.list(actor, query);
  }

  @Get('campaigns/:id')
  @Authorize(Permission.CampaignRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignDto> {
    return this.campaigns.get(actor, id);
  }

  @Post('campaigns/:id/close')
  @HttpCode(200)
  @Authorize(Permission.CampaignManage)
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignDto> {
    return this.campaigns.close(actor, id);
  }

  /** Targeted, started and completed workers per unit, within your scope (counts only). */
  @Get('campaigns/:id/participation')
  @Authorize(Permission.CampaignRead)
  participation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ParticipationDto> {
    return this.reports.participation(actor, id);
  }

  /** Individual results of the campaign for workers in your scope (audited). */
  @Get('campaigns/:id/results')
  @Authorize(Permission.CampaignResultsRead)
  results(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: CampaignQueryDto): Promise<CampaignResultPageDto> {
    return this.reports.results(actor, id, query);
  }

  /** The worker's open campaigns and what they still have to answer. */
  @Get('me/campaigns')
  @Authorize(Permission.SelfAssess)
  mine(@CurrentActor() actor: Actor): Promise<MyCampaignDto[]> {
    return this.campaigns.mine(actor);
  }
}
