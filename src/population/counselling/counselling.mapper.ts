import { concernLabel } from './domain/concerns.js';
import type { AppointmentDto, MyAppointmentDto, SessionNoteDto, SlotDto } from './dto/counselling.dto.js';
import type { Appointment } from './entities/appointment.entity.js';
import type { SessionNote } from './entities/session-note.entity.js';
import type { CounsellingSlot } from './entities/slot.entity.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const toSlotDto = (slot: CounsellingSlot, counsellorName: string | null, taken?: boolean): SlotDto => ({
  id: slot.id,
  counsellorId: slot.counsellorId,
  counsellorName,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  mode: slot.mode,
  place: slot.place,
  status: slot.status,
  ...(taken === undefined ? {} : { taken }),
});

export const toAppointmentDto = (a: Appointment, counsellorName: string | null): AppointmentDto => ({
  id: a.id,
  slotId: a.slotId,
  workerId: a.workerId,
  counsellorId: a.counsellorId,
  counsellorName,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  mode: a.mode,
  place: a.place,
  status: a.status,
  bookedAt: a.createdAt.toISOString(),
  cancelledAt: iso(a.cancelledAt),
  rescheduledFromId: a.rescheduledFromId,
  rescheduledToId: a.rescheduledToId,
  attendanceMarkedAt: iso(a.attendanceMarkedAt),
});

export const toMyAppointmentDto = (a: Appointment, counsellorName: string | null): MyAppointmentDto => ({
  id: a.id,
  counsellorName,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  mode: a.mode,
  place: a.place,
  status: a.status,
  bookedAt: a.createdAt.toISOString(),
  rescheduledFromId: a.rescheduledFromId,
  rescheduledToId: a.rescheduledToId,
});

export const toSessionNoteDto = (note: SessionNote): SessionNoteDto => ({
  appointmentId: note.appointmentId,
  workerId: note.workerId,
  counsellorId: note.counsellorId,
  notes: note.notes,
  concerns: note.concerns.map(concernLabel),
  crisisLevel: note.crisisLevel,
  referralRequested: note.referralRequested,
  referralNote: note.referralNote,
  writtenAt: note.createdAt.toISOString(),
  updatedAt: note.updatedAt.toISOString(),
});
