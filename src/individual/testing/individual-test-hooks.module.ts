import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../platform/auth/authorize.decorator.js';
import { Transactions } from '../../platform/database/transactions.js';
import { CrisisModule } from '../crisis/crisis.module.js';
import { CrisisCasesService, type CaseRequest, type OpenedCase } from '../crisis/services/crisis-cases.service.js';
import type { VendorUpdateResultDto } from '../referrals/dto/referral.dto.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { ReferralWorkflowService, type VendorUpdate } from '../referrals/services/referral-workflow.service.js';

/**
 * Only mounted when TEST_HOOKS=true (refused in production): stands in for the modules of later issues so the e2e
 * suite can call the individual tier's exported contracts in the real app, each in a transaction of its own as the
 * caller's would be: the service desk's `CrisisCasesService.openFromRequest` and the EAP module's
 * `ReferralWorkflowService.applyVendorUpdate`. Bodies are passed through unvalidated: these are not public routes.
 */
@ApiExcludeController()
@Controller('test/individual')
class IndividualTestHooksController {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: CrisisCasesService,
    private readonly referrals: ReferralWorkflowService,
  ) {}

  @Post('service-desk-request')
  @HttpCode(200)
  @Public()
  openFromRequest(@Body() request: CaseRequest): Promise<OpenedCase> {
    return this.transactions.run((manager) => this.cases.openFromRequest(manager, request));
  }

  @Post('vendor-update')
  @HttpCode(200)
  @Public()
  vendorUpdate(@Body() update: VendorUpdate): Promise<VendorUpdateResultDto> {
    return this.transactions.run((manager) => this.referrals.applyVendorUpdate(manager, update));
  }
}

@Module({ imports: [CrisisModule, ReferralsModule], controllers: [IndividualTestHooksController] })
export class IndividualTestHooksModule {}
