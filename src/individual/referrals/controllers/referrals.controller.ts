import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CompleteFollowUpDto, FollowUpQueryDto, type FollowUpDto, type FollowUpPageDto } from '../dto/follow-up.dto.js';
import {
  CreateReferralDto,
  ReferralQueryDto,
  ReferralTransitionDto,
  UpdateReferralDto,
  type ReferralDetailDto,
  type ReferralDto,
  type ReferralPageDto,
} from '../dto/referral.dto.js';
import { FollowUpsService } from '../services/follow-ups.service.js';
import { ReferralWorkflowService } from '../services/referral-workflow.service.js';
import { ReferralsService } from '../services/referrals.service.js';

@ApiTags('referrals 心理疾病的转介与帮扶')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly workflow: ReferralWorkflowService,
    private readonly followUps: FollowUpsService,
  ) {}

  /** A draft referral of a worker in your scope (or of a crisis case you can reach). */
  @Post('referrals')
  @Authorize(Permission.ReferralManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateReferralDto): Promise<ReferralDto> {
    return this.referrals.create(actor, input);
  }

  @Get('referrals')
  @Authorize(Permission.ReferralRead)
  list(@CurrentActor() actor: Actor, @Query() query: ReferralQueryDto): Promise<ReferralPageDto> {
    return this.referrals.list(actor, query);
  }

  /** One referral with its follow-ups and history (audited). */
  @Get('referrals/:id')
  @Authorize(Permission.ReferralRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralDetailDto> {
    return this.referrals.get(actor, id);
  }

  @Patch('referrals/:id')
  @Authorize(Permission.ReferralManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateReferralDto): Promise<ReferralDto> {
    return this.referrals.update(actor, id, input);
  }

  /** Send it: needs the worker's consent for the recipient (403 CONSENT_REQUIRED_EAP_REFERRAL / _COUNSELLING). */
  @Post('referrals/:id/send')
  @HttpCode(200)
  @Authorize(Permission.ReferralManage)
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralDto> {
    return this.workflow.send(actor, id);
  }

  /** Record what happened after sending; 409 ILLEGAL_TRANSITION names the allowed states. */
  @Post('referrals/:id/transition')
  @HttpCode(200)
  @Authorize(Permission.ReferralManage)
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ReferralTransitionDto): Promise<ReferralDto> {
    return this.workflow.transition(actor, id, input);
  }

  /** Follow-up tasks of workers in your scope (default: due and overdue). */
  @Get('follow-ups')
  @Authorize(Permission.ReferralRead)
  followUpList(@CurrentActor() actor: Actor, @Query() query: FollowUpQueryDto): Promise<FollowUpPageDto> {
    return this.followUps.list(actor, query);
  }

  @Post('follow-ups/:id/complete')
  @HttpCode(200)
  @Authorize(Permission.ReferralManage)
  complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CompleteFollowUpDto): Promise<FollowUpDto> {
    return this.followUps.complete(actor, id, input);
  }
}
