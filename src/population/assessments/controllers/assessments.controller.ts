import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { AssessmentsService } from '../assessments.service.js';
import { SubmitAssessmentDto, type AssessmentDetailDto, type AssessmentResultDto } from '../dto/assessment.dto.js';

@ApiTags('assessments 心理测评')
@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  /** A worker's own assessment. With a crisis result the answer carries `help` (support message and help lines). */
  @Post('me/assessments')
  @Authorize(Permission.SelfAssess)
  submitOwn(@CurrentActor() actor: Actor, @Body() input: SubmitAssessmentDto): Promise<AssessmentResultDto> {
    return this.assessments.submitOwn(actor, input);
  }

  /** An assessment a counsellor enters for a worker in scope (given on paper or in a session). */
  @Post('workers/:id/assessments')
  @Authorize(Permission.AssessmentEnter)
  submitFor(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) workerId: string,
    @Body() input: SubmitAssessmentDto,
  ): Promise<AssessmentResultDto> {
    return this.assessments.submitFor(actor, workerId, input);
  }

  /** One result with its item answers (staff in scope; audited). */
  @Get('assessments/:id')
  @Authorize(Permission.AssessmentRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssessmentDetailDto> {
    return this.assessments.get(actor, id);
  }
}
