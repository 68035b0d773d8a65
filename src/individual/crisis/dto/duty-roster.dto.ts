import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../../../platform/http/validation.js';

export class CreateDutyShiftDto {
  /** The unit whose cases (with its subtree's) the shift covers; in your scope. */
  @IsUUID()
  orgUnitId: string;

  /** A counsellor or supervisor whose own unit is this unit or above it (so the unit's workers are in their scope). */
  @IsUUID()
  userId: string;

  @IsInstant()
  startsAt: string;

  /** After startsAt; at most 31 days later. */
  @IsInstant()
  endsAt: string;
}

export class DutyShiftQueryDto {
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  /** Only shifts that have not ended by then (default: now). */
  @IsOptional() @IsInstant()
  from?: string;

  /** Only shifts that start before then (default: from + 14 days). */
  @IsOptional() @IsInstant()
  to?: string;
}

export class DutyShiftDto {
  id: string;
  orgUnitId: string;
  userId: string;
  startsAt: string;
  endsAt: string;
  createdBy: string;
}

/** Who would get a new case of a worker in this unit now. */
export class OnDutyDto {
  orgUnitId: string;
  /** The chosen responder, or null when nobody is on duty here or above. */
  userId: string | null;
  /** Their display name, so the queue names who is on duty. */
  userName: string | null;
  /** The unit whose roster supplied them. */
  fromUnitId: string | null;
}
