import { Controller, Get, Param, ParseEnumPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { REPORT_NAMES, type ReportName } from './domain/report-definitions.js';
import type { ReportCatalogueEntryDto, ReportDto } from './dto/report.dto.js';
import { ReportExportQueryDto, ReportQueryDto } from './dto/report-query.dto.js';
import { ReportExportService } from './services/report-export.service.js';
import { ReportsService } from './services/reports.service.js';

const REPORT = new ParseEnumPipe(Object.fromEntries(REPORT_NAMES.map((n) => [n, n])));

@ApiTags('reports 统计报表')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportExportService,
  ) {}

  /** The dashboards there are. */
  @Get()
  @Authorize(Permission.ReportRead)
  catalogue(): ReportCatalogueEntryDto[] {
    return this.reports.catalogue();
  }

  /** One dashboard for your subtree and a year, with small-cell suppression (aggregates only; audited). */
  @Get(':report')
  @Authorize(Permission.ReportRead)
  report(@CurrentActor() actor: Actor, @Param('report', REPORT) report: ReportName, @Query() query: ReportQueryDto): Promise<ReportDto> {
    return this.reports.report(actor, report, query);
  }

  /** The same dashboard as CSV or XLSX (same suppression; audited). */
  @Get(':report/export')
  @Authorize(Permission.ReportExport)
  async export(
    @CurrentActor() actor: Actor,
    @Param('report', REPORT) report: ReportName,
    @Query() query: ReportExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(actor, report, query);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.body, { type: file.contentType });
  }
}
