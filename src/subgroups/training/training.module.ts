import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { CertificationsController } from './controllers/certifications.controller.js';
import { TrainingController } from './controllers/training.controller.js';
import { Certification } from './entities/certification.entity.js';
import { TrainingAssessment } from './entities/training-assessment.entity.js';
import { TrainingAttendance } from './entities/training-attendance.entity.js';
import { TrainingCourse } from './entities/training-course.entity.js';
import { TrainingSession } from './entities/training-session.entity.js';
import { CertificationExpiry } from './services/certification-expiry.service.js';
import { CertificationsService } from './services/certifications.service.js';
import { TrainingAccess } from './services/training-access.service.js';
import { TrainingCoursesService } from './services/training-courses.service.js';
import { TrainingRecordsService } from './services/training-records.service.js';

/**
 * 干部培养 · 培养懂心理学的工会干部: training courses for union cadres and counsellors (social, positive and applied
 * psychology; study, case, experiential and simulation teaching), sessions and attendance, assessments,
 * continuing-education hours per year, and certifications with expiry flagged to the holder's supervisor.
 * Exports CertificationsService (isCertified / certifiedAmong); CertificationSeamModule binds it to the platform's
 * CertificationCheck for the individual tier.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([TrainingCourse, TrainingSession, TrainingAttendance, TrainingAssessment, Certification])],
  controllers: [TrainingController, CertificationsController],
  providers: [TrainingAccess, TrainingCoursesService, TrainingRecordsService, CertificationsService, CertificationExpiry],
  exports: [CertificationsService],
})
export class TrainingModule {}
