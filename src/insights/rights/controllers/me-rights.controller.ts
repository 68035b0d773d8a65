import { Body, Controller, Get, Header, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import type { FhirBundle } from '../../../platform/data-subject/fhir.js';
import { CorrectionRequestInput, DeletionRequestInput, type AccessEntryDto, type RightsRequestDto } from '../dto/rights.dto.js';
import { AccessReportService } from '../services/access-report.service.js';
import { DataExportService } from '../services/data-export.service.js';
import { RightsRequestsService } from '../services/rights-requests.service.js';

export class ExportQueryDto {
  /** `fhir` (default): a FHIR R4 Bundle; `html`: a readable summary. */
  @IsOptional() @IsIn(['fhir', 'html'])
  format?: 'fhir' | 'html';
}

@ApiTags('me 我的数据权利')
@Controller('me')
export class MeRightsController {
  constructor(
    private readonly exports: DataExportService,
    private readonly requests: RightsRequestsService,
    private readonly access: AccessReportService,
  ) {}

  /** A copy of all your data: a FHIR R4 Bundle, or (?format=html) a readable summary (audited). */
  @Get('export')
  @Authorize(Permission.SelfExport)
  async export(@CurrentActor() actor: Actor, @Query() query: ExportQueryDto, @Res({ passthrough: true }) response: Response): Promise<FhirBundle | string> {
    if (query.format === 'html') {
      response.type('text/html; charset=utf-8');
      response.setHeader('Content-Disposition', 'attachment; filename="my-data.html"');
      return this.exports.html(actor);
    }
    response.type('application/fhir+json; charset=utf-8');
    return this.exports.fhir(actor);
  }

  /** Ask for a correction of your profile (reviewed by a counsellor). */
  @Post('correction-requests')
  @Authorize(Permission.SelfRights)
  requestCorrection(@CurrentActor() actor: Actor, @Body() input: CorrectionRequestInput): Promise<RightsRequestDto> {
    return this.requests.requestCorrection(actor, input);
  }

  /** Ask for your data to be deleted (reviewed by a counsellor; crisis records may have to be kept). */
  @Post('deletion-requests')
  @Authorize(Permission.SelfRights)
  requestDeletion(@CurrentActor() actor: Actor, @Body() input: DeletionRequestInput): Promise<RightsRequestDto> {
    return this.requests.requestDeletion(actor, input);
  }

  /** Your correction and deletion requests and their outcome. */
  @Get('rights-requests')
  @Authorize(Permission.SelfRights)
  @Header('Cache-Control', 'no-store')
  mine(@CurrentActor() actor: Actor): Promise<RightsRequestDto[]> {
    return this.requests.mine(actor);
  }

  /** Who accessed your record and when (from the audit log). */
  @Get('access-report')
  @Authorize(Permission.SelfRights)
  accessReport(@CurrentActor() actor: Actor): Promise<AccessEntryDto[]> {
    return this.access.mine(actor);
  }
}
