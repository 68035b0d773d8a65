import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { AcceptRulesDto, JoinGroupDto, type FellowMemberDto, type MyGroupDto } from '../dto/group.dto.js';
import type { MyMeetingDto } from '../dto/meeting.dto.js';
import { MyGroupsService } from '../services/my-groups.service.js';

/** A worker's self-help groups. Fellow members appear by display name only. */
@ApiTags('me 我的')
@Controller('me/groups')
export class MeGroupsController {
  constructor(private readonly groups: MyGroupsService) {}

  /** Open groups for you, and the groups you belong to or asked to join. */
  @Get('available')
  @Authorize(Permission.GroupParticipate)
  available(@CurrentActor() actor: Actor): Promise<MyGroupDto[]> {
    return this.groups.available(actor);
  }

  @Get()
  @Authorize(Permission.GroupParticipate)
  mine(@CurrentActor() actor: Actor): Promise<MyGroupDto[]> {
    return this.groups.mine(actor);
  }

  /** Ask to join under a display name, accepting the group rules. */
  @Post(':id/join')
  @HttpCode(200)
  @Authorize(Permission.GroupParticipate)
  join(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: JoinGroupDto): Promise<MyGroupDto> {
    return this.groups.join(actor, id, input);
  }

  /** Withdraw a request, or leave. */
  @Post(':id/leave')
  @HttpCode(200)
  @Authorize(Permission.GroupParticipate)
  leave(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyGroupDto> {
    return this.groups.leave(actor, id);
  }

  @Post(':id/accept-rules')
  @HttpCode(200)
  @Authorize(Permission.GroupParticipate)
  acceptRules(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: AcceptRulesDto): Promise<MyGroupDto> {
    return this.groups.acceptRules(actor, id, input);
  }

  @Get(':id/members')
  @Authorize(Permission.GroupParticipate)
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FellowMemberDto[]> {
    return this.groups.fellowMembers(actor, id);
  }

  @Get(':id/meetings')
  @Authorize(Permission.GroupParticipate)
  meetings(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyMeetingDto[]> {
    return this.groups.meetings(actor, id);
  }
}
