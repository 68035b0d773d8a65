import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { RefuseRequestInput, RightsRequestQueryDto, type ErasureCoverageDto, type RightsRequestDto } from '../dto/rights.dto.js';
import { ErasureService } from '../services/erasure.service.js';
import { RightsRequestsService } from '../services/rights-requests.service.js';

@ApiTags('rights 数据权利申请')
@Controller('rights-requests')
export class RightsRequestsController {
  constructor(
    private readonly requests: RightsRequestsService,
    private readonly erasure: ErasureService,
  ) {}

  /** Correction and deletion requests of workers in your subtree. */
  @Get()
  @Authorize(Permission.RightsReview)
  list(@CurrentActor() actor: Actor, @Query() query: RightsRequestQueryDto): Promise<RightsRequestDto[]> {
    return this.requests.list(actor, query);
  }

  /** What a deletion does, table by table, module by module. */
  @Get('erasure-coverage')
  @Authorize(Permission.RightsReview)
  coverage(): ErasureCoverageDto[] {
    return this.erasure.coverage();
  }

  /** One request; a pending deletion lists what must be kept for now (retention holds). */
  @Get(':id')
  @Authorize(Permission.RightsReview)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RightsRequestDto> {
    return this.requests.get(actor, id);
  }

  /** Apply a correction, or carry out a deletion (erases or pseudonymises the worker's data everywhere). */
  @Post(':id/approve')
  @HttpCode(200)
  @Authorize(Permission.RightsReview)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RightsRequestDto> {
    return this.requests.approve(actor, id);
  }

  /** Refuse, with a reason the worker reads (e.g. legal retention of crisis records). */
  @Post(':id/refuse')
  @HttpCode(200)
  @Authorize(Permission.RightsReview)
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: RefuseRequestInput): Promise<RightsRequestDto> {
    return this.requests.refuse(actor, id, input);
  }
}
