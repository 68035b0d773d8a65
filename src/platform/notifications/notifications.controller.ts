import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize } from '../auth/authorize.decorator.js';
import { CurrentActor, type Actor } from '../auth/actor.js';
import { Permission } from '../auth/permissions.js';
import { NotificationQueryDto, type MarkedReadDto, type NotificationDto, type NotificationPageDto } from './notification.dto.js';
import { NotificationService } from './notification.service.js';

@ApiTags('notifications 通知')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Authorize(Permission.NotificationRead)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.notifications.listMine(actor, query);
  }

  /** Marks every unread notification of yours read; answers how many were. */
  @Post('read-all')
  @HttpCode(200)
  @Authorize(Permission.NotificationRead)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authorize(Permission.NotificationRead)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
