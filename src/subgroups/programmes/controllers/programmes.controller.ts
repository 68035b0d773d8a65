import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import type { ProgrammeDashboardDto, ProgrammeOverviewDto } from '../dto/dashboard.dto.js';
import { ProgrammeMemberQueryDto, type ProgrammeEnrolmentDto, type MemberPageDto } from '../dto/enrolment.dto.js';
import {
  CreateProgrammeDto,
  EnrolInput,
  RecordAnswerInput,
  PreviewRuleDto,
  ProgrammeQueryDto,
  ProgrammeStatusInput,
  UpdateProgrammeDto,
  type EligibilityPreviewDto,
  type EnrolResultDto,
  type ProgrammeDto,
  type SubgroupDto,
} from '../dto/programme.dto.js';
import { DashboardService } from '../services/dashboard.service.js';
import { EligibilityService } from '../services/eligibility.service.js';
import { EnrolmentsService } from '../services/enrolments.service.js';
import { ProgrammesService } from '../services/programmes.service.js';

@ApiTags('programmes 线·亚群体关爱项目')
@Controller()
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly eligibility: EligibilityService,
    private readonly enrolments: EnrolmentsService,
    private readonly dashboards: DashboardService,
  ) {}

  /** The “线” subgroups: 领导干部, 妇女, 职业生涯变动, 特殊岗位 (data; extensible by migration). */
  @Get('subgroups')
  @Authorize(Permission.ProgrammeReport)
  subgroups(@CurrentActor() actor: Actor): Promise<SubgroupDto[]> {
    return this.programmes.subgroups(actor);
  }

  /** Programmes in scope with the number taking part (suppressed below the minimum cell size): for officials too. */
  @Get('programmes/overview')
  @Authorize(Permission.ProgrammeReport)
  overview(@CurrentActor() actor: Actor): Promise<ProgrammeOverviewDto[]> {
    return this.dashboards.overview(actor);
  }

  /** Counts a rule before it is saved: who it matches in the unit's subtree. */
  @Post('programmes/eligibility/preview')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  previewRule(@CurrentActor() actor: Actor, @Body() input: PreviewRuleDto): Promise<EligibilityPreviewDto> {
    return this.eligibility.previewRule(actor, input);
  }

  @Post('programmes')
  @Authorize(Permission.ProgrammeManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateProgrammeDto): Promise<ProgrammeDto> {
    return this.programmes.create(actor, input);
  }

  @Get('programmes')
  @Authorize(Permission.ProgrammeRead)
  list(@CurrentActor() actor: Actor, @Query() query: ProgrammeQueryDto): Promise<ProgrammeDto[]> {
    return this.programmes.list(actor, query);
  }

  @Get('programmes/:id')
  @Authorize(Permission.ProgrammeRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeDto> {
    return this.programmes.get(actor, id);
  }

  @Patch('programmes/:id')
  @Authorize(Permission.ProgrammeManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateProgrammeDto): Promise<ProgrammeDto> {
    return this.programmes.update(actor, id, input);
  }

  /** draft → active → closed (409 ILLEGAL_TRANSITION otherwise). */
  @Post('programmes/:id/status')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  setStatus(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ProgrammeStatusInput): Promise<ProgrammeDto> {
    return this.programmes.setStatus(actor, id, input);
  }

  /** How many workers the saved rule matches now, and how many an enrolment would add (counts only). */
  @Post('programmes/:id/eligibility/preview')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EligibilityPreviewDto> {
    return this.eligibility.preview(actor, id);
  }

  /** Enrols every eligible worker not yet in the programme (one INSERT … SELECT) and queues their invitations. */
  @Post('programmes/:id/enrolments')
  @Authorize(Permission.ProgrammeManage)
  enrol(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: EnrolInput): Promise<EnrolResultDto> {
    return this.eligibility.enrol(actor, id, input);
  }

  /** Who is enrolled (clinical staff in scope; audited). Officials: 403. */
  @Get('programmes/:id/enrolments')
  @Authorize(Permission.ProgrammeMembersRead)
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ProgrammeMemberQueryDto): Promise<MemberPageDto> {
    return this.enrolments.members(actor, id, query);
  }

  @Post('programmes/:id/enrolments/:workerId/withdraw')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('workerId', ParseUUIDPipe) workerId: string,
  ): Promise<ProgrammeEnrolmentDto> {
    return this.enrolments.withdraw(actor, id, workerId);
  }

  /** A worker's answer given to staff in person, by phone or on paper (most workers have no account). */
  @Post('programmes/:id/enrolments/:workerId/answer')
  @HttpCode(200)
  @Authorize(Permission.ProgrammeManage)
  recordAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('workerId', ParseUUIDPipe) workerId: string,
    @Body() input: RecordAnswerInput,
  ): Promise<ProgrammeEnrolmentDto> {
    return this.enrolments.recordAnswer(actor, id, workerId, input);
  }

  /** Enrolment, participation and outcome change, with small-cell suppression. */
  @Get('programmes/:id/dashboard')
  @Authorize(Permission.ProgrammeReport)
  dashboard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProgrammeDashboardDto> {
    return this.dashboards.dashboard(actor, id);
  }
}
