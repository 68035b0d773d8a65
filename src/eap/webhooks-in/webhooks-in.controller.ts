import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../platform/auth/authorize.decorator.js';
import { WebhooksInService, type InboundResultDto } from './webhooks-in.service.js';

/**
 * Signed webhooks from vendors. Public to the access guard because the Standard Webhooks signature is the credential:
 * the service verifies it (with the vendor's inbound secret) before reading the body, and refuses and logs anything else.
 */
@ApiTags('vendor API 服务机构接口')
@Controller('vendor/webhooks')
export class WebhooksInController {
  constructor(private readonly inbound: WebhooksInService) {}

  /** `{type: "referral.accepted|declined|session_attended|completed|dropped_out", timestamp, data: {referralId, sessionNumber?, occurredAt?, note?}}`. */
  @Post(':vendorId')
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'webhook-id', required: true })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most 5 minutes off' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: 'v1,<base64 HMAC-SHA256 of id.timestamp.body>' })
  receive(@Param('vendorId', ParseUUIDPipe) vendorId: string, @Req() request: RawBodyRequest<Request>): Promise<InboundResultDto> {
    return this.inbound.receive(vendorId, { headers: request.headers, rawBody: request.rawBody, ip: request.ip ?? null });
  }
}
