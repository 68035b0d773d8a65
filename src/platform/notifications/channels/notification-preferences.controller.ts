import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../auth/actor.js';
import { Authorize } from '../../auth/authorize.decorator.js';
import { Permission } from '../../auth/permissions.js';
import { UpdateNotificationPreferencesDto, type NotificationPreferencesDto } from './notification-channel.dto.js';
import { NotificationChannels } from './notification-channels.service.js';

@ApiTags('notifications 通知')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly channels: NotificationChannels) {}

  @Get()
  @Authorize(Permission.NotificationRead)
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.channels.preferences(actor);
  }

  @Put()
  @Authorize(Permission.NotificationRead)
  update(@CurrentActor() actor: Actor, @Body() input: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.channels.update(actor, input);
  }
}
