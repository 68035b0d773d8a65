import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { OutcomeReportDto, VendorReferralQueryDto, type OutcomeResultDto, type VendorReferralDto } from './vendor-api.dto.js';
import { VendorReferralsService } from './vendor-referrals.service.js';

/**
 * For EAP vendors' systems, with an API key (`Authorization: Bearer xg_vendor_…` or `X-Api-Key`): their referrals and
 * their reports. User tokens never reach these routes, and vendor keys reach nothing else. Rate-limited per vendor.
 */
@ApiTags('vendor API 服务机构接口')
@ApiHeader({ name: 'X-Api-Key', required: false, description: 'xg_vendor_… (or Authorization: Bearer xg_vendor_…)' })
@Controller('vendor/referrals')
export class VendorApiController {
  constructor(private readonly referrals: VendorReferralsService) {}

  @Get()
  @Authorize(Permission.VendorReferralRead)
  list(@CurrentActor() actor: Actor, @Query() query: VendorReferralQueryDto): Promise<VendorReferralDto[]> {
    return this.referrals.list(actor, query);
  }

  @Get(':referralId')
  @Authorize(Permission.VendorReferralRead)
  get(@CurrentActor() actor: Actor, @Param('referralId') referralId: string): Promise<VendorReferralDto> {
    return this.referrals.get(actor, referralId);
  }

  /** Accepted, declined, a session attended (numbered), completed, dropped out. Safe to retry. */
  @Post(':referralId/outcomes')
  @HttpCode(200)
  @Authorize(Permission.VendorOutcomeReport)
  report(@CurrentActor() actor: Actor, @Param('referralId') referralId: string, @Body() input: OutcomeReportDto): Promise<OutcomeResultDto> {
    return this.referrals.report(actor, referralId, input);
  }
}
