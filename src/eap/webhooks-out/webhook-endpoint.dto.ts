import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { DeliveryOutcome } from './webhook-delivery.entity.js';
import type { EndpointStatus } from './webhook-endpoint.entity.js';
import type { MessageStatus } from './webhook-message.entity.js';

export class CreateWebhookEndpointDto {
  /** https in production; never a loopback or private address outside development. */
  @IsString() @MaxLength(2000)
  url: string;

  @IsOptional() @IsString() @MaxLength(200)
  description?: string;
}

export class WebhookEndpointDto {
  id: string;
  vendorId: string;
  url: string;
  description: string | null;
  status: EndpointStatus;
  disabledAt: string | null;
  disabledReason: string | null;
  /** Secrets currently signing (more than one during a rotation). */
  signingSecrets: number;
  createdAt: string;
}

/** A new endpoint, with its signing secret shown this once. */
export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  /** `whsec_…`: the vendor verifies our signatures with it. */
  secret: string;
}

export class DeliveryQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class RedeliveryDto {
  messageId: string;
  status: 'pending';
}

export class WebhookDeliveryDto {
  messageId: string;
  eventType: string | null;
  /** The message's state now (`failed`: given up after its last attempt, so it can be redelivered). */
  messageStatus: MessageStatus | null;
  attempt: number;
  outcome: DeliveryOutcome;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  attemptedAt: string;
}
