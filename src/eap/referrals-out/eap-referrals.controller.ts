import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import {
  CreateEapReferralDto,
  EapReferralQueryDto,
  SendEapReferralDto,
  UpdateEapReferralDto,
  type EapReferralDto,
  type EapReferralPreviewDto,
  type EapReferralSummaryDto,
} from './eap-referral.dto.js';
import { EapReferralsService } from './eap-referrals.service.js';
import { ReferralSendingService } from './referral-sending.service.js';

/** EAP referrals, the counsellor's side: draft → preview → send (consent, contract, quota) → outcomes from the vendor. */
@ApiTags('eap EAP 转介')
@Controller('eap/referrals')
export class EapReferralsController {
  constructor(
    private readonly referrals: EapReferralsService,
    private readonly sending: ReferralSendingService,
  ) {}

  @Post()
  @Authorize(Permission.EapReferralSend)
  draft(@CurrentActor() actor: Actor, @Body() input: CreateEapReferralDto): Promise<EapReferralDto> {
    return this.referrals.draft(actor, input);
  }

  @Get()
  @Authorize(Permission.EapReferralRead)
  list(@CurrentActor() actor: Actor, @Query() query: EapReferralQueryDto): Promise<EapReferralSummaryDto[]> {
    return this.referrals.list(actor, query);
  }

  @Get(':id')
  @Authorize(Permission.EapReferralRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EapReferralDto> {
    return this.referrals.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.EapReferralSend)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateEapReferralDto): Promise<EapReferralDto> {
    return this.referrals.update(actor, id, input);
  }

  /** Exactly what the vendor would receive, its sha256, and whether it can be sent now. */
  @Get(':id/preview')
  @Authorize(Permission.EapReferralSend)
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EapReferralPreviewDto> {
    return this.referrals.preview(actor, id);
  }

  /** Sends what the preview with this sha256 showed: 403 without consent, 409 naming a contract problem or a change. */
  @Post(':id/send')
  @HttpCode(200)
  @Authorize(Permission.EapReferralSend)
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: SendEapReferralDto): Promise<EapReferralDto> {
    return this.sending.send(actor, id, input);
  }

  /** Withdraws a sent referral: no further data goes to the vendor, which is told only that it is withdrawn. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Authorize(Permission.EapReferralSend)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EapReferralDto> {
    return this.sending.withdraw(actor, id);
  }

  /** Discards a draft. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize(Permission.EapReferralSend)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EapReferralDto> {
    return this.referrals.cancel(actor, id);
  }
}
