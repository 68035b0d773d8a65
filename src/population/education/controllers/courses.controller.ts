import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  CourseStatusInput,
  CreateCourseDto,
  CreateLessonDto,
  CreateQuizDto,
  UpdateCourseDto,
  type CourseDto,
  type CourseSummaryDto,
  type LessonDto,
  type QuizDto,
} from '../dto/course.dto.js';
import type { LiteracyChangeDto } from '../dto/report.dto.js';
import { CoursesService } from '../services/courses.service.js';
import { EducationReportsService } from '../services/education-reports.service.js';

@ApiTags('education 心理健康教育与素养提升')
@Controller('education/courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly reports: EducationReportsService,
  ) {}

  @Post()
  @Authorize(Permission.EducationManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateCourseDto): Promise<CourseDto> {
    return this.courses.create(actor, input);
  }

  @Get()
  @Authorize(Permission.EducationManage)
  list(@CurrentActor() actor: Actor): Promise<CourseSummaryDto[]> {
    return this.courses.list(actor);
  }

  @Get(':id')
  @Authorize(Permission.EducationManage)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CourseDto> {
    return this.courses.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.EducationManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateCourseDto): Promise<CourseDto> {
    return this.courses.update(actor, id, input);
  }

  /** Publish a draft, or archive. */
  @Post(':id/status')
  @HttpCode(200)
  @Authorize(Permission.EducationManage)
  setStatus(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CourseStatusInput): Promise<CourseDto> {
    return this.courses.setStatus(actor, id, input);
  }

  @Post(':id/lessons')
  @Authorize(Permission.EducationManage)
  addLesson(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CreateLessonDto): Promise<LessonDto> {
    return this.courses.addLesson(actor, id, input);
  }

  @Post(':id/quizzes')
  @Authorize(Permission.EducationManage)
  addQuiz(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CreateQuizDto): Promise<QuizDto> {
    return this.courses.addQuiz(actor, id, input);
  }

  /** Literacy before and after the course: mean pre, mean post, paired n. */
  @Get(':id/literacy')
  @Authorize(Permission.EducationReport)
  literacy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LiteracyChangeDto> {
    return this.reports.literacyChange(actor, id);
  }
}
