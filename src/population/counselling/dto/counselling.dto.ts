import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { APPOINTMENT_STATUSES, SESSION_MODES, type AppointmentStatus, type SessionMode, type SlotStatus } from '../domain/appointment-rules.js';
import { CONCERN_CODES, CRISIS_LEVELS, type ConcernCode, type CrisisLevel } from '../domain/concerns.js';
import { IsInstant, HasText } from '../../../platform/http/validation.js';

export class CreateSlotDto {
  @IsInstant()
  startsAt: string;

  @IsInstant()
  endsAt: string;

  /** `in_person` (needs `place`) or `online`. */
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @IsOptional() @IsString() @MaxLength(300)
  place?: string;
}

export class SlotDto {
  id: string;
  counsellorId: string;
  counsellorName: string | null;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  place: string | null;
  status: SlotStatus;
  /** Held by an appointment (staff view only; workers are shown free slots). */
  taken?: boolean;
}

export class WindowQueryDto {
  /** ISO 8601, inclusive. */
  @IsOptional() @IsInstant()
  from?: string;

  /** ISO 8601, exclusive; at most 31 days after `from`. */
  @IsOptional() @IsInstant()
  to?: string;
}

export class StaffSlotQueryDto extends WindowQueryDto {
  /** Whose slots (default: your own). */
  @IsOptional() @IsUUID()
  counsellorId?: string;
}

export class CalendarQueryDto {
  @IsInstant()
  from: string;

  /** At most 31 days after `from`. */
  @IsInstant()
  to: string;

  /** Whose calendar (default: your own). Another counsellor's shows only workers in your scope. */
  @IsOptional() @IsUUID()
  counsellorId?: string;

  @IsOptional() @IsIn(APPOINTMENT_STATUSES)
  status?: AppointmentStatus;
}

export class BookDto {
  @IsUUID()
  slotId: string;
}

export class AttendanceInput {
  @IsIn(['attended', 'no_show'])
  status: 'attended' | 'no_show';
}

export class AppointmentDto {
  id: string;
  slotId: string;
  workerId: string;
  counsellorId: string;
  counsellorName: string | null;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  place: string | null;
  status: AppointmentStatus;
  bookedAt: string;
  cancelledAt: string | null;
  rescheduledFromId: string | null;
  rescheduledToId: string | null;
  attendanceMarkedAt: string | null;
}

/** The worker's own view of an appointment: never session notes or concerns. */
export class MyAppointmentDto {
  id: string;
  counsellorName: string | null;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  place: string | null;
  status: AppointmentStatus;
  bookedAt: string;
  rescheduledFromId: string | null;
  rescheduledToId: string | null;
}

export class CrisisFlagInput {
  @IsIn(CRISIS_LEVELS)
  level: CrisisLevel;
}

export class ReferralInput {
  /** A short routing note for whoever takes the referral (kept out of clinical detail). */
  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

export class WriteSessionNoteDto {
  /** Session notes, encrypted at rest. */
  @IsString() @HasText() @MaxLength(20000)
  notes: string;

  /** Presenting concerns (codes from GET /counselling/concern-categories). */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(8) @ArrayUnique() @IsIn(CONCERN_CODES, { each: true })
  concerns: ConcernCode[];

  /** Start a crisis case (publishes counselling.crisis_flagged). */
  @IsOptional() @ValidateNested() @Type(() => CrisisFlagInput)
  crisis?: CrisisFlagInput;

  /** Start a referral (publishes counselling.referral_requested). */
  @IsOptional() @ValidateNested() @Type(() => ReferralInput)
  referral?: ReferralInput;
}

export class ConcernCategoryDto {
  code: ConcernCode;
  zh: string;
  en: string;
}

export class SessionNoteDto {
  appointmentId: string;
  workerId: string;
  counsellorId: string;
  notes: string;
  concerns: ConcernCategoryDto[];
  crisisLevel: CrisisLevel | null;
  referralRequested: boolean;
  referralNote: string | null;
  writtenAt: string;
  updatedAt: string;
}

/** A session as it appears in the record: the notes only for clinical staff. */
export class SessionRecordDto {
  concerns: ConcernCategoryDto[];
  notes: string;
  crisisLevel: CrisisLevel | null;
  referralRequested: boolean;
  writtenAt: string;
}

export class CounsellingHistoryItemDto {
  appointmentId: string;
  counsellorId: string;
  counsellorName: string | null;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  place: string | null;
  status: AppointmentStatus;
  /** Present only for the `staff` audience when the reader holds session_note.read. */
  session?: SessionRecordDto | null;
}

export class CounsellingSummaryDto {
  booked: number;
  attended: number;
  noShow: number;
  cancelled: number;
  rescheduled: number;
}

/** The counselling part of a worker's 心理档案. */
export class CounsellingHistoryDto {
  appointments: CounsellingHistoryItemDto[];
  summary: CounsellingSummaryDto;
}
