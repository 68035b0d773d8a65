import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CreateGroupDto, MemberQueryDto, UpdateGroupDto, type GroupDto, type MemberDto } from '../dto/group.dto.js';
import { CreateMeetingDto, RecordAttendanceDto, type AttendanceEntryDto, type MeetingDto } from '../dto/meeting.dto.js';
import type { GroupHistoryDto } from '../dto/meeting.dto.js';
import { GroupsHistoryService } from '../services/groups-history.service.js';
import { GroupsService } from '../services/groups.service.js';
import { MeetingsService } from '../services/meetings.service.js';
import { MembershipsService } from '../services/memberships.service.js';

/** Staff side of 心理健康自助组织和团体建设: the facilitator and counsellors in scope. */
@ApiTags('groups 自助团体')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
    private readonly meetings: MeetingsService,
    private readonly history: GroupsHistoryService,
  ) {}

  @Post()
  @Authorize(Permission.GroupManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateGroupDto): Promise<GroupDto> {
    return this.groups.create(actor, input);
  }

  @Get()
  @Authorize(Permission.GroupManage)
  list(@CurrentActor() actor: Actor): Promise<GroupDto[]> {
    return this.groups.list(actor);
  }

  /** One worker's groups (audited). */
  @Get('workers/:workerId/history')
  @Authorize(Permission.GroupManage)
  workerHistory(@CurrentActor() actor: Actor, @Param('workerId', ParseUUIDPipe) workerId: string): Promise<GroupHistoryDto[]> {
    return this.history.forStaff(actor, workerId);
  }

  @Get(':id')
  @Authorize(Permission.GroupManage)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GroupDto> {
    return this.groups.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.GroupManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateGroupDto): Promise<GroupDto> {
    return this.groups.update(actor, id, input);
  }

  /** The full member list (worker ids): audited. */
  @Get(':id/members')
  @Authorize(Permission.GroupManage)
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: MemberQueryDto): Promise<MemberDto[]> {
    return this.memberships.members(actor, id, query);
  }

  @Get(':id/members/:memberId')
  @Authorize(Permission.GroupManage)
  member(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<MemberDto> {
    return this.memberships.member(actor, id, memberId);
  }

  @Post(':id/members/:memberId/approve')
  @HttpCode(200)
  @Authorize(Permission.GroupManage)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<MemberDto> {
    return this.memberships.decide(actor, id, memberId, 'approve');
  }

  @Post(':id/members/:memberId/decline')
  @HttpCode(200)
  @Authorize(Permission.GroupManage)
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<MemberDto> {
    return this.memberships.decide(actor, id, memberId, 'decline');
  }

  @Post(':id/members/:memberId/remove')
  @HttpCode(200)
  @Authorize(Permission.GroupManage)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<MemberDto> {
    return this.memberships.decide(actor, id, memberId, 'remove');
  }

  @Post(':id/meetings')
  @Authorize(Permission.GroupManage)
  schedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: CreateMeetingDto): Promise<MeetingDto> {
    return this.meetings.schedule(actor, id, input);
  }

  @Get(':id/meetings')
  @Authorize(Permission.GroupManage)
  meetingList(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingDto[]> {
    return this.meetings.list(actor, id);
  }

  @Get(':id/meetings/:meetingId/attendance')
  @Authorize(Permission.GroupManage)
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
  ): Promise<AttendanceEntryDto[]> {
    return this.meetings.attendance(actor, id, meetingId);
  }

  /** Records or corrects attendance (present / absent / excused) per member. */
  @Put(':id/meetings/:meetingId/attendance')
  @Authorize(Permission.GroupManage)
  recordAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() input: RecordAttendanceDto,
  ): Promise<AttendanceEntryDto[]> {
    return this.meetings.recordAttendance(actor, id, meetingId, input);
  }
}
