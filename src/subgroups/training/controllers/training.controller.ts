import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  CreateTrainingCourseDto,
  CreateTrainingSessionDto,
  RecordAssessmentDto,
  SessionAttendanceInput,
  YearQueryDto,
  type CeHoursReportDto,
  type MyTrainingDto,
  type SessionAttendanceDto,
  type TrainingAssessmentDto,
  type TrainingCatalogueDto,
  type TrainingCourseDto,
  type TrainingSessionDto,
} from '../dto/training.dto.js';
import { TrainingCoursesService } from '../services/training-courses.service.js';
import { TrainingRecordsService } from '../services/training-records.service.js';

@ApiTags('training 干部培养')
@Controller()
export class TrainingController {
  constructor(
    private readonly courses: TrainingCoursesService,
    private readonly records: TrainingRecordsService,
  ) {}

  /** Topics (社会心理学, 积极心理学, 应用心理学), methods (研究式、案例式、体验式、模拟式), audiences, certification types. */
  @Get('training/catalogue')
  @Authorize(Permission.TrainingRead)
  catalogue(@CurrentActor() actor: Actor): TrainingCatalogueDto {
    return this.courses.catalogue(actor);
  }

  @Post('training/courses')
  @Authorize(Permission.TrainingManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateTrainingCourseDto): Promise<TrainingCourseDto> {
    return this.courses.create(actor, input);
  }

  /** Courses of your unit's subtree and those organised above you. */
  @Get('training/courses')
  @Authorize(Permission.TrainingRead)
  list(@CurrentActor() actor: Actor): Promise<TrainingCourseDto[]> {
    return this.courses.list(actor);
  }

  @Get('training/courses/:id')
  @Authorize(Permission.TrainingRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TrainingCourseDto> {
    return this.courses.get(actor, id);
  }

  @Post('training/courses/:id/sessions')
  @Authorize(Permission.TrainingManage)
  addSession(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CreateTrainingSessionDto): Promise<TrainingSessionDto> {
    return this.courses.addSession(actor, id, input);
  }

  /** Who attended a session that has started (staff accounts in your scope). */
  @Put('training/sessions/:id/attendance')
  @Authorize(Permission.TrainingManage)
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: SessionAttendanceInput): Promise<SessionAttendanceDto> {
    return this.records.recordAttendance(actor, id, input);
  }

  /** A trainee's assessment; a pass in a certifying course issues its certification. */
  @Post('training/courses/:id/assessments')
  @Authorize(Permission.TrainingManage)
  assess(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: RecordAssessmentDto): Promise<TrainingAssessmentDto> {
    return this.records.recordAssessment(actor, id, input);
  }

  /** Continuing-education hours per person in scope for a year (audited). */
  @Get('training/ce-hours')
  @Authorize(Permission.TrainingReport)
  ceHours(@CurrentActor() actor: Actor, @Query() query: YearQueryDto): Promise<CeHoursReportDto> {
    return this.records.ceHours(actor, query.year);
  }

  /** Your own sessions and hours for a year, your assessments and certifications. */
  @Get('me/training')
  @Authorize(Permission.TrainingSelf)
  mine(@CurrentActor() actor: Actor, @Query() query: YearQueryDto): Promise<MyTrainingDto> {
    return this.records.mine(actor, query.year);
  }
}
