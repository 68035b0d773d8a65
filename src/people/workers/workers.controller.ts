import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type {} from 'multer';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { badRequest } from '../../platform/errors/domain-error.js';
import { RosterImportService } from './roster-import.service.js';
import {
  CreateWorkerDto,
  UpdateWorkerDto,
  WorkerQueryDto,
  type ImportResultDto,
  type WorkerDto,
  type WorkerPageDto,
} from './worker.dto.js';
import { WorkersService } from './workers.service.js';

class ImportFormDto {
  /** Unit for rows that leave `orgUnitId` empty. */
  @IsOptional() @IsUUID()
  orgUnitId?: string;

  /** `true`: check every row (scope and existing employee numbers included) and write nothing. */
  @IsOptional() @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

@ApiTags('workers 职工档案')
@Controller('workers')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly roster: RosterImportService,
  ) {}

  @Get()
  @Authorize(Permission.WorkerRead)
  search(@CurrentActor() actor: Actor, @Query() query: WorkerQueryDto): Promise<WorkerPageDto> {
    return this.workers.search(actor, query);
  }

  @Post()
  @Authorize(Permission.WorkerCreate)
  create(@CurrentActor() actor: Actor, @Body() input: CreateWorkerDto): Promise<WorkerDto> {
    return this.workers.create(actor, input);
  }

  @Post('import')
  @Authorize(Permission.WorkerImport)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, orgUnitId: { type: 'string', format: 'uuid' }, dryRun: { type: 'string', enum: ['true', 'false'] } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1 } }))
  import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: ImportFormDto,
  ): Promise<ImportResultDto> {
    if (!file) throw badRequest('IMPORT_FILE_REQUIRED', '请上传 CSV 文件（字段 file）', 'Upload a CSV file in field "file"');
    return this.roster.import(actor, file.buffer, form.orgUnitId, form.dryRun === 'true');
  }

  @Get(':id')
  @Authorize(Permission.WorkerRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WorkerDto> {
    return this.workers.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.WorkerUpdate)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateWorkerDto): Promise<WorkerDto> {
    return this.workers.update(actor, id, input);
  }
}
