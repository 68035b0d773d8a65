import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import {
  AttendanceInput,
  CalendarQueryDto,
  CreateSlotDto,
  StaffSlotQueryDto,
  WriteSessionNoteDto,
  type AppointmentDto,
  type ConcernCategoryDto,
  type CounsellingHistoryDto,
  type SessionNoteDto,
  type SlotDto,
} from '../dto/counselling.dto.js';
import { AppointmentsService } from '../services/appointments.service.js';
import { CounsellingHistoryService } from '../services/counselling-history.service.js';
import { SessionNotesService } from '../services/session-notes.service.js';
import { SlotsService } from '../services/slots.service.js';

/** 心理咨询服务, the counsellor's side. */
@ApiTags('counselling 心理咨询服务')
@Controller('counselling')
export class CounsellingController {
  constructor(
    private readonly slots: SlotsService,
    private readonly appointments: AppointmentsService,
    private readonly notes: SessionNotesService,
    private readonly history: CounsellingHistoryService,
  ) {}

  @Post('slots')
  @Authorize(Permission.CounsellingSlotManage)
  publish(@CurrentActor() actor: Actor, @Body() input: CreateSlotDto): Promise<SlotDto> {
    return this.slots.publish(actor, input);
  }

  @Get('slots')
  @Authorize(Permission.CounsellingSlotManage)
  listSlots(@CurrentActor() actor: Actor, @Query() query: StaffSlotQueryDto): Promise<SlotDto[]> {
    return this.slots.list(actor, query);
  }

  @Post('slots/:id/withdraw')
  @HttpCode(200)
  @Authorize(Permission.CounsellingSlotManage)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SlotDto> {
    return this.slots.withdraw(actor, id);
  }

  /** A counsellor's calendar, e.g. a week: `?from=…&to=…` (at most 31 days). */
  @Get('appointments')
  @Authorize(Permission.AppointmentRead)
  calendar(@CurrentActor() actor: Actor, @Query() query: CalendarQueryDto): Promise<AppointmentDto[]> {
    return this.appointments.calendar(actor, query);
  }

  @Get('appointments/:id')
  @Authorize(Permission.AppointmentRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.get(actor, id);
  }

  /** `attended` or `no_show`, once the session has started. */
  @Post('appointments/:id/attendance')
  @HttpCode(200)
  @Authorize(Permission.AppointmentManage)
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: AttendanceInput): Promise<AppointmentDto> {
    return this.appointments.markAttendance(actor, id, input);
  }

  @Post('appointments/:id/cancel')
  @HttpCode(200)
  @Authorize(Permission.AppointmentManage)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.cancel(actor, id);
  }

  /** Write or amend the session notes (the session's counsellor, after it was attended). */
  @Put('appointments/:id/notes')
  @Authorize(Permission.SessionNoteWrite)
  writeNotes(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: WriteSessionNoteDto): Promise<SessionNoteDto> {
    return this.notes.write(actor, id, input);
  }

  @Get('appointments/:id/notes')
  @Authorize(Permission.SessionNoteRead)
  readNotes(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SessionNoteDto> {
    return this.notes.read(actor, id);
  }

  @Get('concern-categories')
  @Authorize(Permission.SessionNoteWrite)
  categories(): ConcernCategoryDto[] {
    return this.notes.categories();
  }

  /** A worker's counselling history; notes included for clinical staff. */
  @Get('workers/:workerId/appointments')
  @Authorize(Permission.AppointmentRead)
  workerHistory(@CurrentActor() actor: Actor, @Param('workerId', ParseUUIDPipe) workerId: string): Promise<CounsellingHistoryDto> {
    return this.history.forStaff(actor, workerId);
  }
}
