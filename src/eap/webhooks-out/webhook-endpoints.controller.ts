import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { RotateSecretDto, type SigningSecretDto } from '../vendors/vendor.dto.js';
import {
  CreateWebhookEndpointDto,
  DeliveryQueryDto,
  type RedeliveryDto,
  type CreatedWebhookEndpointDto,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
} from './webhook-endpoint.dto.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** Where a vendor receives our webhooks (root administrators). */
@ApiTags('eap EAP 服务机构')
@Controller('eap')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  /** Registers an endpoint; the response carries its signing secret, shown once. */
  @Post('vendors/:vendorId/webhook-endpoints')
  @Authorize(Permission.EapVendorManage)
  create(
    @CurrentActor() actor: Actor,
    @Param('vendorId', ParseUUIDPipe) vendorId: string,
    @Body() input: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    return this.endpoints.create(actor, vendorId, input);
  }

  @Get('vendors/:vendorId/webhook-endpoints')
  @Authorize(Permission.EapVendorManage)
  list(@CurrentActor() actor: Actor, @Param('vendorId', ParseUUIDPipe) vendorId: string): Promise<WebhookEndpointDto[]> {
    return this.endpoints.list(actor, vendorId);
  }

  /** A new signing secret; the previous one keeps signing alongside it for the grace period. */
  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  rotateSecret(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: RotateSecretDto): Promise<SigningSecretDto> {
    return this.endpoints.rotateSecret(actor, id, input);
  }

  @Post('webhook-endpoints/:id/disable')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  disable(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.setStatus(actor, id, false);
  }

  /** Re-enables an endpoint (e.g. after it answered 410 and was fixed). Messages given up meanwhile are not resent. */
  @Post('webhook-endpoints/:id/enable')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  enable(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.setStatus(actor, id, true);
  }

  /** Sends a message given up after its last attempt again (409 unless it is `failed`, or if the endpoint is disabled). */
  @Post('webhook-messages/:id/redeliver')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  redeliver(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RedeliveryDto> {
    return this.endpoints.redeliver(actor, id);
  }

  /** The delivery log: one row per attempt, newest first. */
  @Get('webhook-endpoints/:id/deliveries')
  @Authorize(Permission.EapVendorManage)
  deliveries(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryQueryDto): Promise<WebhookDeliveryDto[]> {
    return this.endpoints.deliveries(actor, id, query);
  }
}
