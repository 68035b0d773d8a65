import { Module } from '@nestjs/common';
import { EducationRightsContributor } from './services/education-rights.contributor.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { CoursesController } from './controllers/courses.controller.js';
import { EducationReportsController } from './controllers/education-reports.controller.js';
import { EventsController } from './controllers/events.controller.js';
import { MeEducationController } from './controllers/me-education.controller.js';
import { Course } from './entities/course.entity.js';
import { EducationEvent } from './entities/education-event.entity.js';
import { Enrolment } from './entities/enrolment.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
import { LessonCompletion } from './entities/lesson-completion.entity.js';
import { Lesson } from './entities/lesson.entity.js';
import { LiteracyCheck } from './entities/literacy-check.entity.js';
import { QuizAttempt } from './entities/quiz-attempt.entity.js';
import { Quiz } from './entities/quiz.entity.js';
import { CoursesService } from './services/courses.service.js';
import { EducationLinks } from './services/education-links.service.js';
import { EducationHistoryService } from './services/education-history.service.js';
import { EducationReportsService } from './services/education-reports.service.js';
import { EventsService } from './services/events.service.js';
import { LearningService } from './services/learning.service.js';
import { RegistrationsService } from './services/registrations.service.js';

/**
 * 心理健康教育与素养提升 (面): courses of lessons and quizzes, lectures and workshops with registration and a waiting
 * list, the literacy check before and after a course, and participation by unit. Exports the learning history for
 * the composed 心理档案 and `EducationLinks` (link a course or event from a care programme, count who took part).
 */
@Module({
  imports: [
    PeopleModule,
    TypeOrmModule.forFeature([Course, Lesson, Quiz, QuizAttempt, LiteracyCheck, Enrolment, LessonCompletion, EducationEvent, EventRegistration]),
  ],
  controllers: [CoursesController, EventsController, EducationReportsController, MeEducationController],
  providers: [
    EducationRightsContributor,CoursesService, LearningService, EventsService, RegistrationsService, EducationReportsService, EducationHistoryService, EducationLinks],
  exports: [EducationHistoryService, EducationLinks],
})
export class EducationModule {}
