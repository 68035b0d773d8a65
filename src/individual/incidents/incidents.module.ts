import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { IndividualSharedModule } from '../shared/individual-shared.module.js';
import { IncidentsController } from './controllers/incidents.controller.js';
import { CriticalIncident, IncidentAttendance, IncidentScreening, IncidentSession, IncidentWorker } from './entities/incident.entity.js';
import { IncidentCoverageService } from './services/incident-coverage.service.js';
import { IncidentSessionsService } from './services/incident-sessions.service.js';
import { IncidentsService } from './services/incidents.service.js';

/**
 * 点 · 特殊心理事件的善后处理: critical incidents, their affected group, aftercare sessions with attendance,
 * re-screening campaigns (through the assessments module's ScreeningContract, provided app-wide) and coverage.
 */
@Module({
  imports: [
    PeopleModule,
    IndividualSharedModule,
    TypeOrmModule.forFeature([CriticalIncident, IncidentWorker, IncidentSession, IncidentAttendance, IncidentScreening]),
  ],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentSessionsService, IncidentCoverageService],
})
export class IncidentsModule {}
