import { Module } from '@nestjs/common';
import { WebhookRetention } from './webhooks-out/webhook-retention.js';
import { EapReportFacts } from './referrals-out/eap-report-facts.js';
import { EapRightsContributor } from './referrals-out/eap-rights.contributor.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralsModule } from '../individual/referrals/referrals.module.js';
import { PeopleModule } from '../people/people.module.js';
import { EapApiKey } from './api-keys/api-key.entity.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { EapContract } from './contracts/contract.entity.js';
import { ContractCoverage } from './contracts/contract-coverage.service.js';
import { ContractReminders } from './contracts/contract-reminders.service.js';
import { ContractsController } from './contracts/contracts.controller.js';
import { ContractsService } from './contracts/contracts.service.js';
import { EapReferral } from './referrals-out/eap-referral.entity.js';
import { EapReferralsController } from './referrals-out/eap-referrals.controller.js';
import { EapReferralsService } from './referrals-out/eap-referrals.service.js';
import { IndividualReferralLink } from './referrals-out/individual-link.js';
import { ReferralComposer } from './referrals-out/referral-composer.js';
import { EapReferralEvent } from './referrals-out/referral-event.entity.js';
import { ReferralHistory } from './referrals-out/referral-history.js';
import { ReferralSendingService } from './referrals-out/referral-sending.service.js';
import { VendorAdmin } from './shared/vendor-admin.js';
import { UtilisationController } from './utilisation/utilisation.controller.js';
import { UtilisationService } from './utilisation/utilisation.service.js';
import { OutcomesService } from './vendor-api/outcomes.service.js';
import { VendorApiController } from './vendor-api/vendor-api.controller.js';
import { VendorReferralsService } from './vendor-api/vendor-referrals.service.js';
import { EapVendor } from './vendors/vendor.entity.js';
import { VendorsController } from './vendors/vendors.controller.js';
import { VendorsService } from './vendors/vendors.service.js';
import { EapInboundWebhook } from './webhooks-in/inbound-webhook.entity.js';
import { WebhooksInController } from './webhooks-in/webhooks-in.controller.js';
import { WebhooksInService } from './webhooks-in/webhooks-in.service.js';
import { EapWebhookDelivery } from './webhooks-out/webhook-delivery.entity.js';
import { WebhookDelivery } from './webhooks-out/webhook-delivery.service.js';
import { EapWebhookEndpoint } from './webhooks-out/webhook-endpoint.entity.js';
import { WebhookEndpointsController } from './webhooks-out/webhook-endpoints.controller.js';
import { WebhookEndpointsService } from './webhooks-out/webhook-endpoints.service.js';
import { EapWebhookMessage } from './webhooks-out/webhook-message.entity.js';
import { WebhookOutbox } from './webhooks-out/webhook-outbox.service.js';
import { WebhookPolicy } from './webhooks-out/webhook-policy.js';
import { WebhookGiveUp } from './webhooks-out/webhook-give-up.js';

/**
 * “工会+EAP” as a durable arrangement (精神福利建设): vendors and their contracts per union unit, consented referrals
 * carrying the minimum necessary data, Standard Webhooks out of an outbox, signed webhooks and a keyed API in, and
 * utilisation per contract. Subscribes to `consent.changed` (a withdrawal stops further data to the vendor).
 * The individual tier's referral loop is reached only through IndividualReferralLink.
 */
@Module({
  imports: [
    PeopleModule,
    ReferralsModule,
    TypeOrmModule.forFeature([EapVendor, EapContract, EapApiKey, EapWebhookEndpoint, EapWebhookMessage, EapWebhookDelivery, EapReferral, EapReferralEvent, EapInboundWebhook]),
  ],
  controllers: [
    VendorsController,
    ApiKeysController,
    WebhookEndpointsController,
    ContractsController,
    UtilisationController,
    EapReferralsController,
    VendorApiController,
    WebhooksInController,
  ],
  providers: [
    EapReportFacts,
    EapRightsContributor,
    VendorAdmin,
    VendorsService,
    ApiKeysService,
    WebhookPolicy,
    WebhookGiveUp,
    WebhookEndpointsService,
    WebhookOutbox,
    WebhookDelivery,
    WebhookRetention,
    ContractCoverage,
    ContractReminders,
    ContractsService,
    UtilisationService,
    ReferralHistory,
    ReferralComposer,
    EapReferralsService,
    ReferralSendingService,
    IndividualReferralLink,
    OutcomesService,
    VendorReferralsService,
    WebhooksInService,
  ],
  exports: [EapReportFacts],
})
export class EapModule {}
