import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  BreakGlassQueryDto,
  OpenBreakGlassDto,
  ReviewBreakGlassDto,
  type BreakGlassGrantDto,
  type BreakGlassReviewItemDto,
  type BreakGlassReviewPageDto,
} from '../dto/break-glass.dto.js';
import { BreakGlassService } from '../services/break-glass.service.js';

@ApiTags('break-the-glass 紧急授权')
@Controller('break-glass')
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  /** Emergency, time-limited access to the crisis cases of a worker outside your scope (audited; supervisors are told). */
  @Post()
  @Authorize(Permission.BreakGlassOpen)
  open(@CurrentActor() actor: Actor, @Body() input: OpenBreakGlassDto): Promise<BreakGlassGrantDto> {
    return this.breakGlass.open(actor, input);
  }

  /** Grants touching your subtree (the worker's or the counsellor's unit), newest first. */
  @Get()
  @Authorize(Permission.BreakGlassReview)
  list(@CurrentActor() actor: Actor, @Query() query: BreakGlassQueryDto): Promise<BreakGlassReviewPageDto> {
    return this.breakGlass.list(actor, query);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authorize(Permission.BreakGlassReview)
  review(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: ReviewBreakGlassDto): Promise<BreakGlassReviewItemDto> {
    return this.breakGlass.review(actor, id, input);
  }
}
