import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  AddCaseNoteDto,
  AssignCaseDto,
  CaseQueueQueryDto,
  CaseTransitionDto,
  ChangeLevelDto,
  ContactNoteDto,
  OpenCaseDto,
  type CaseDetailDto,
  type CaseDto,
  type CaseNoteDto,
  type CaseQueuePageDto,
} from '../dto/crisis-case.dto.js';
import { RecordRiskAssessmentDto, RiskFindingsDto, type RiskAssessmentDto, type SuggestedLevelDto } from '../dto/risk-assessment.dto.js';
import { WriteSafetyPlanDto, type SafetyPlanDto } from '../dto/safety-plan.dto.js';
import { CaseQueueService } from '../services/case-queue.service.js';
import { CaseWorkflowService } from '../services/case-workflow.service.js';
import { CrisisCasesService } from '../services/crisis-cases.service.js';
import { RiskAssessmentsService } from '../services/risk-assessments.service.js';
import { SafetyPlansService } from '../services/safety-plans.service.js';

@ApiTags('crisis cases 心理危机的评估与援助')
@Controller('crisis-cases')
export class CrisisCasesController {
  constructor(
    private readonly cases: CrisisCasesService,
    private readonly queueService: CaseQueueService,
    private readonly workflow: CaseWorkflowService,
    private readonly riskAssessments: RiskAssessmentsService,
    private readonly safetyPlans: SafetyPlansService,
  ) {}

  /** The counsellor's queue: cases of workers in your scope by deadline (default: every state but closed), with overdue follow-ups. */
  @Get()
  @Authorize(Permission.CrisisCaseRead)
  queue(@CurrentActor() actor: Actor, @Query() query: CaseQueueQueryDto): Promise<CaseQueuePageDto> {
    return this.queueService.queue(actor, query);
  }

  /** Open a case yourself (you are assigned and it is acknowledged); under break-the-glass it goes to the worker's own unit. */
  @Post()
  @Authorize(Permission.CrisisCaseOpen)
  open(@CurrentActor() actor: Actor, @Body() input: OpenCaseDto): Promise<CaseDto> {
    return this.cases.openByCounsellor(actor, input);
  }

  /** The level a structured risk assessment's findings suggest (the form shows it live, before saving). */
  @Post('suggested-level')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseAssess)
  suggestLevel(@CurrentActor() actor: Actor, @Body() findings: RiskFindingsDto): SuggestedLevelDto {
    return this.riskAssessments.suggest(actor, findings);
  }

  /** One case with notes, risk assessments, the current safety plan and history (audited). */
  @Get(':id')
  @Authorize(Permission.CrisisCaseRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDetailDto> {
    return this.queueService.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseUpdate)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDto> {
    return this.workflow.acknowledge(actor, id);
  }

  /** Move the case through its states; 409 ILLEGAL_TRANSITION names the allowed ones. */
  @Post(':id/transition')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseUpdate)
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CaseTransitionDto): Promise<CaseDto> {
    return this.workflow.transition(actor, id, input);
  }

  @Post(':id/level')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseUpdate)
  level(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ChangeLevelDto): Promise<CaseDto> {
    return this.workflow.changeLevel(actor, id, input);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseUpdate)
  assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: AssignCaseDto): Promise<CaseDto> {
    return this.workflow.assign(actor, id, input);
  }

  /** The case's own notes on reaching the worker (best time to call, who answers). */
  @Post(':id/contact-note')
  @HttpCode(200)
  @Authorize(Permission.CrisisCaseUpdate)
  contactNote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ContactNoteDto): Promise<CaseDto> {
    return this.workflow.setContactNote(actor, id, input);
  }

  @Post(':id/notes')
  @Authorize(Permission.CrisisCaseUpdate)
  addNote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: AddCaseNoteDto): Promise<CaseNoteDto> {
    return this.workflow.addNote(actor, id, input);
  }

  @Post(':id/risk-assessments')
  @Authorize(Permission.CrisisCaseAssess)
  assess(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: RecordRiskAssessmentDto): Promise<RiskAssessmentDto> {
    return this.riskAssessments.record(actor, id, input);
  }

  @Get(':id/risk-assessments')
  @Authorize(Permission.CrisisCaseAssess)
  assessments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RiskAssessmentDto[]> {
    return this.riskAssessments.list(actor, id);
  }

  /** Save a new version of the worker's safety plan. */
  @Post(':id/safety-plans')
  @Authorize(Permission.CrisisCaseAssess)
  writeSafetyPlan(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: WriteSafetyPlanDto): Promise<SafetyPlanDto> {
    return this.safetyPlans.write(actor, id, input);
  }

  /** Every version of the worker's safety plan, newest first. */
  @Get(':id/safety-plans')
  @Authorize(Permission.CrisisCaseAssess)
  safetyPlanVersions(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SafetyPlanDto[]> {
    return this.safetyPlans.list(actor, id);
  }
}
