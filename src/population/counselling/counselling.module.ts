import { Module } from '@nestjs/common';
import { CounsellingRightsContributor } from './services/counselling-rights.contributor.js';
import { CounsellingReportFacts } from './services/counselling-report-facts.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { CounsellingController } from './controllers/counselling.controller.js';
import { MeCounsellingController } from './controllers/me-counselling.controller.js';
import { Appointment } from './entities/appointment.entity.js';
import { SessionNote } from './entities/session-note.entity.js';
import { CounsellingSlot } from './entities/slot.entity.js';
import { AppointmentEvents } from './services/appointment-events.service.js';
import { AppointmentsService } from './services/appointments.service.js';
import { BookingService } from './services/booking.service.js';
import { CounsellingHistoryService } from './services/counselling-history.service.js';
import { CounsellingReminders } from './services/reminders.service.js';
import { SessionNotesService } from './services/session-notes.service.js';
import { SlotsService } from './services/slots.service.js';

/**
 * 心理咨询服务 (面): availability, booking without double booking, reminders, no-show tracking and encrypted
 * session notes. Raises counselling.crisis_flagged / counselling.referral_requested for the individual tier (点).
 * Exports the counselling history for the composed 心理档案.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([CounsellingSlot, Appointment, SessionNote])],
  controllers: [CounsellingController, MeCounsellingController],
  providers: [
    CounsellingRightsContributor,
    CounsellingReportFacts,
    AppointmentEvents,
    SlotsService, BookingService, AppointmentsService, SessionNotesService, CounsellingReminders, CounsellingHistoryService],
  exports: [CounsellingHistoryService, CounsellingReportFacts],
})
export class CounsellingModule {}
