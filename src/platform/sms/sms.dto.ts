import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SMS_STATUSES, type SmsStatus } from './sms-message.entity.js';

export class SmsMessageDto {
  id: string;
  /** Masked (`138****8000`): staff see that a text went, not whom to call. */
  to: string;
  template: string;
  status: SmsStatus;
  reason: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

export class SmsMessageQueryDto {
  @IsOptional() @IsIn(SMS_STATUSES)
  status?: SmsStatus;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class SmsInboundResultDto {
  optedOut: boolean;
}
