import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { BookDto, WindowQueryDto, type MyAppointmentDto, type SlotDto } from '../dto/counselling.dto.js';
import { BookingService } from '../services/booking.service.js';

/** A worker's own counselling bookings. Session notes are never shown here. */
@ApiTags('me 我的')
@Controller('me/counselling')
export class MeCounsellingController {
  constructor(private readonly booking: BookingService) {}

  /** Free slots of counsellors serving your unit. */
  @Get('slots')
  @Authorize(Permission.AppointmentBook)
  slots(@CurrentActor() actor: Actor, @Query() query: WindowQueryDto): Promise<SlotDto[]> {
    return this.booking.freeSlots(actor, query);
  }

  /** Book a slot (needs your `counselling` consent). 409 SLOT_TAKEN when someone else got it first. */
  @Post('appointments')
  @Authorize(Permission.AppointmentBook)
  book(@CurrentActor() actor: Actor, @Body() input: BookDto): Promise<MyAppointmentDto> {
    return this.booking.book(actor, input);
  }

  @Get('appointments')
  @Authorize(Permission.AppointmentBook)
  mine(@CurrentActor() actor: Actor): Promise<MyAppointmentDto[]> {
    return this.booking.mine(actor);
  }

  /** Move to another free slot; answers the new appointment. */
  @Post('appointments/:id/reschedule')
  @HttpCode(200)
  @Authorize(Permission.AppointmentBook)
  reschedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: BookDto): Promise<MyAppointmentDto> {
    return this.booking.reschedule(actor, id, input);
  }

  @Post('appointments/:id/cancel')
  @HttpCode(200)
  @Authorize(Permission.AppointmentBook)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<MyAppointmentDto> {
    return this.booking.cancel(actor, id);
  }
}
