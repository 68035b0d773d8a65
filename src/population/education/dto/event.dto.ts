import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AudienceDto } from '../../shared/audience.dto.js';
import type { Audience } from '../../shared/audience.js';
import { EVENT_KINDS, type EventKind, type EventStatus, type RegistrationStatus } from '../domain/registration-rules.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

export class CreateEventDto {
  /** `lecture` 讲座 or `workshop` 工作坊 */
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @IsString() @HasText() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(4000)
  description?: string;

  /** The event is for workers of this unit's subtree (must be in your scope). */
  @IsUUID()
  orgUnitId: string;

  @IsOptional() @ValidateNested() @Type(() => AudienceDto)
  audience?: AudienceDto;

  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  @IsOptional() @IsString() @MaxLength(300)
  place?: string;

  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(1000)
  onlineUrl?: string;

  @IsInt() @Min(1) @Max(10000)
  capacity: number;

  /** When full: true (default) puts new registrations on a waiting list; false refuses them with 409 EVENT_FULL. */
  @IsOptional() @IsBoolean()
  allowWaitlist?: boolean;
}

export class EventDto {
  id: string;
  orgUnitId: string;
  kind: EventKind;
  title: string;
  description: string | null;
  audience: Audience;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  allowWaitlist: boolean;
  status: EventStatus;
  /** Seats taken (registered or attended). */
  seated: number;
  waitlisted: number;
}

export class MyRegistrationDto {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  /** 1-based place on the waiting list while waitlisted. */
  waitlistPlace: number | null;
  checkedInAt: string | null;
  rating: number | null;
  comment: string | null;
}

export class MyEventDto {
  event: EventDto;
  registration: MyRegistrationDto | null;
}

export class RosterEntryDto {
  registrationId: string;
  workerId: string;
  /** The worker's name, for the check-in list at the door (staff in scope only reach the roster). */
  workerName: string | null;
  orgUnitId: string;
  status: RegistrationStatus;
  waitlistPlace: number | null;
  registeredAt: string;
  checkedInAt: string | null;
}

export class FeedbackInput {
  @IsInt() @Min(1) @Max(5)
  rating: number;

  @IsOptional() @IsString() @MaxLength(1000)
  comment?: string;
}

export class FeedbackSummaryDto {
  eventId: string;
  count: number;
  meanRating: number | null;
  /** Count per rating 1–5. */
  distribution: Record<string, number>;
  /** Comments without who wrote them. */
  comments: string[];
}

export class EventQueryDto {
  /** Events starting at or after (ISO 8601). */
  @IsOptional() @IsInstant()
  from?: string;

  /** Events starting before (ISO 8601). */
  @IsOptional() @IsInstant()
  to?: string;
}

export class RegistrationStatusFilter {
  @IsOptional() @IsIn(['registered', 'waitlisted', 'cancelled', 'attended'])
  status?: RegistrationStatus;
}
