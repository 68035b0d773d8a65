import { QueryBoolean } from '../http/query-boolean.js';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export class NotificationQueryDto {
  /** Only unread items. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class NotificationPageDto {
  items: NotificationDto[];
  unreadCount: number;
}

export class MarkedReadDto {
  marked: number;
}
