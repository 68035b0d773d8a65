import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { AskForHelpDto, type HelpResponseDto } from '../dto/help.dto.js';
import type { MySafetyPlanDto } from '../dto/safety-plan.dto.js';
import { SafetyPlansService } from '../services/safety-plans.service.js';
import { SelfHelpService } from '../services/self-help.service.js';

@ApiTags('me 我的')
@Controller('me')
export class MeCrisisController {
  constructor(
    private readonly selfHelp: SelfHelpService,
    private readonly safetyPlans: SafetyPlansService,
  ) {}

  /** 紧急求助: ask for urgent help. A counsellor will contact you; the answer lists the help lines. */
  @Post('help')
  @HttpCode(201)
  @Authorize(Permission.SelfHelp)
  help(@CurrentActor() actor: Actor, @Body() input: AskForHelpDto): Promise<HelpResponseDto> {
    return this.selfHelp.ask(actor, input);
  }

  /** Your current safety plan, with the help lines. */
  @Get('safety-plan')
  @Authorize(Permission.SelfRead)
  safetyPlan(@CurrentActor() actor: Actor): Promise<MySafetyPlanDto> {
    return this.safetyPlans.mine(actor);
  }
}
