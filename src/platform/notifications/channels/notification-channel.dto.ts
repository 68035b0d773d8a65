import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class NotificationPreferencesDto {
  /** Always on: every notice is in the inbox. */
  inApp: true;
  email: boolean;
  sms: boolean;
  /** A number is known for this account (the worker profile's, or the staff mobile below). */
  smsAvailable: boolean;
  /** The number replied TD to a notice: texts resume when SMS is switched on here again. */
  smsOptedOut: boolean;
  /** Staff only, masked (`138****8000`). */
  staffMobile: string | null;
}

export class UpdateNotificationPreferencesDto {
  @IsOptional() @IsBoolean()
  email?: boolean;

  @IsOptional() @IsBoolean()
  sms?: boolean;

  /** Staff only: a mainland mobile number for SMS alerts, or an empty string to remove it. */
  @IsOptional() @IsString() @MaxLength(30)
  staffMobile?: string;
}
