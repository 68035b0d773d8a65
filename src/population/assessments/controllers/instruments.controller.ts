import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import type { InstrumentDto, InstrumentSummaryDto } from '../dto/instrument.dto.js';
import { InstrumentLibrary } from '../instrument-library.service.js';

@ApiTags('instruments 量表')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly library: InstrumentLibrary) {}

  @Get()
  @Authorize(Permission.InstrumentRead)
  list(): InstrumentSummaryDto[] {
    return this.library.list();
  }

  /** The full definition: items, options, bands with sources, crisis rules in force, licence, citation. */
  @Get(':code')
  @Authorize(Permission.InstrumentRead)
  get(@Param('code') code: string): InstrumentDto {
    return this.library.describe(code);
  }
}
