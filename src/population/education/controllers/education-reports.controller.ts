import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { ParticipationQueryDto, type LearningHistoryDto, type ParticipationReportDto } from '../dto/report.dto.js';
import { EducationHistoryService } from '../services/education-history.service.js';
import { EducationReportsService } from '../services/education-reports.service.js';

@ApiTags('education 心理健康教育与素养提升')
@Controller('education')
export class EducationReportsController {
  constructor(
    private readonly reports: EducationReportsService,
    private readonly history: EducationHistoryService,
  ) {}

  /** Participation and completion by unit, over your subtree. */
  @Get('reports/participation')
  @Authorize(Permission.EducationReport)
  participation(@CurrentActor() actor: Actor, @Query() query: ParticipationQueryDto): Promise<ParticipationReportDto> {
    return this.reports.participation(actor, query);
  }

  /** One worker's learning history (audited). */
  @Get('workers/:workerId/learning')
  @Authorize(Permission.EducationManage)
  learning(@CurrentActor() actor: Actor, @Param('workerId', ParseUUIDPipe) workerId: string): Promise<LearningHistoryDto> {
    return this.history.forStaff(actor, workerId);
  }
}
