import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { FeedbackInput, type MyEventDto, type MyRegistrationDto } from '../dto/event.dto.js';
import { QuizAttemptInput, type CourseProgressDto, type MyCourseDto, type MyCourseSummaryDto, type QuizResultDto } from '../dto/learning.dto.js';
import type { LearningHistoryDto } from '../dto/report.dto.js';
import { EducationHistoryService } from '../services/education-history.service.js';
import { LearningService } from '../services/learning.service.js';
import { RegistrationsService } from '../services/registrations.service.js';

/** A worker's own courses, lectures and workshops, and learning history. */
@ApiTags('me 我的')
@Controller('me')
export class MeEducationController {
  constructor(
    private readonly learning: LearningService,
    private readonly registrations: RegistrationsService,
    private readonly history: EducationHistoryService,
  ) {}

  @Get('courses')
  @Authorize(Permission.EducationParticipate)
  courses(@CurrentActor() actor: Actor): Promise<MyCourseSummaryDto[]> {
    return this.learning.listMine(actor);
  }

  @Get('courses/:id')
  @Authorize(Permission.EducationParticipate)
  course(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyCourseDto> {
    return this.learning.getMine(actor, id);
  }

  @Post('courses/:id/enrol')
  @HttpCode(200)
  @Authorize(Permission.EducationParticipate)
  enrol(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CourseProgressDto> {
    return this.learning.enrol(actor, id);
  }

  @Post('courses/:id/lessons/:lessonId/complete')
  @HttpCode(200)
  @Authorize(Permission.EducationParticipate)
  completeLesson(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ): Promise<CourseProgressDto> {
    return this.learning.completeLesson(actor, id, lessonId);
  }

  @Post('courses/:id/quizzes/:quizId/attempts')
  @Authorize(Permission.EducationParticipate)
  attemptQuiz(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @Body() input: QuizAttemptInput,
  ): Promise<QuizResultDto> {
    return this.learning.attemptQuiz(actor, id, quizId, input);
  }

  @Get('events')
  @Authorize(Permission.EducationParticipate)
  events(@CurrentActor() actor: Actor): Promise<MyEventDto[]> {
    return this.registrations.listMine(actor);
  }

  /** 201 with status `registered`, or `waitlisted` when full (409 EVENT_FULL if the event keeps no waiting list). */
  @Post('events/:id/register')
  @Authorize(Permission.EducationParticipate)
  register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyRegistrationDto> {
    return this.registrations.register(actor, id);
  }

  @Post('events/:id/cancel')
  @HttpCode(200)
  @Authorize(Permission.EducationParticipate)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyRegistrationDto> {
    return this.registrations.cancel(actor, id);
  }

  @Post('events/:id/feedback')
  @HttpCode(200)
  @Authorize(Permission.EducationParticipate)
  feedback(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: FeedbackInput): Promise<MyRegistrationDto> {
    return this.registrations.feedback(actor, id, input);
  }

  @Get('learning')
  @Authorize(Permission.EducationParticipate)
  learningHistory(@CurrentActor() actor: Actor): Promise<LearningHistoryDto> {
    return this.history.mine(actor);
  }
}
