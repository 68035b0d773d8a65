import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { InstrumentFileBodyDto, TrySampleDto, type InstrumentFileCheckDto, type InstrumentVersionDetailDto, type InstrumentVersionDto, type SampleScoreDto } from '../dto/instrument-file.dto.js';
import type { ReportInstrumentDto } from '../dto/instrument.dto.js';
import { InstrumentFilesService } from '../instrument-files.service.js';
import { InstrumentLibrary } from '../instrument-library.service.js';

/** Admins load, check, publish and retire instrument files (registered before InstrumentsController: `files` is no code). */
@ApiTags('instruments 量表')
@Controller('instruments/files')
export class InstrumentFilesController {
  constructor(private readonly files: InstrumentFilesService) {}

  /** Every version: shipped and uploaded, draft, published or retired. */
  @Get()
  @Authorize(Permission.InstrumentManage)
  list(): Promise<InstrumentVersionDto[]> {
    return this.files.listAll();
  }

  /** Checks a file without storing it: problems per field, licence problems, and the worker's view when sound. */
  @Post('check')
  @HttpCode(200)
  @Authorize(Permission.InstrumentManage)
  check(@Body() body: InstrumentFileBodyDto): InstrumentFileCheckDto {
    return this.files.check(body.file);
  }

  /** Loads a file as a draft: 400 INSTRUMENT_FILE_INVALID naming every problem (a failing golden example by name). */
  @Post()
  @Authorize(Permission.InstrumentManage)
  upload(@CurrentActor() actor: Actor, @Body() body: InstrumentFileBodyDto): Promise<InstrumentVersionDetailDto> {
    return this.files.upload(actor, body.file);
  }

  @Get(':code/:version')
  @Authorize(Permission.InstrumentManage)
  get(@Param('code') code: string, @Param('version') version: string): Promise<InstrumentVersionDetailDto> {
    return this.files.get(code, version);
  }

  /** Scores sample answers with this version; nothing is stored. */
  @Post(':code/:version/try')
  @HttpCode(200)
  @Authorize(Permission.InstrumentManage)
  trySample(@Param('code') code: string, @Param('version') version: string, @Body() body: TrySampleDto): Promise<SampleScoreDto> {
    return this.files.trySample(code, version, body.answers);
  }

  /** Publishes a draft: workers take it from now on (400 INSTRUMENT_LICENCE_REQUIRED without the union's licence). */
  @Post(':code/:version/publish')
  @HttpCode(200)
  @Authorize(Permission.InstrumentManage)
  publish(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('version') version: string): Promise<InstrumentVersionDetailDto> {
    return this.files.publish(actor, code, version);
  }

  @Post(':code/:version/retire')
  @HttpCode(200)
  @Authorize(Permission.InstrumentManage)
  retire(@CurrentActor() actor: Actor, @Param('code') code: string, @Param('version') version: string): Promise<InstrumentVersionDetailDto> {
    return this.files.retire(actor, code, version);
  }
}

/** The banded instruments with their band labels, for dashboards (officials may not read the instrument library). */
@ApiTags('reports 统计报表')
@Controller('report-instruments')
export class ReportInstrumentsController {
  constructor(private readonly library: InstrumentLibrary) {}

  @Get()
  @Authorize(Permission.ReportRead)
  list(): ReportInstrumentDto[] {
    return this.library.reportInstruments();
  }
}
