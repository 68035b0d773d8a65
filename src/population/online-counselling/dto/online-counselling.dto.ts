import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ONLINE_CRISIS_LEVELS, type OnlineCrisisLevel } from '../online-counselling-events.js';
import type { ConversationStatus } from '../entities/conversation.entity.js';
import type { MessageSender } from '../entities/message.entity.js';

/** The longest message, in characters (a message is a chat line, not a document). */
export const MESSAGE_MAX_CHARS = 2000;

export class SendMessageDto {
  @IsString() @MinLength(1) @MaxLength(MESSAGE_MAX_CHARS)
  body: string;
}

export class MessagesQueryDto {
  /** Only messages after this number (the last `seq` the caller has): what a poll asks for. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after?: number;
}

export class OpenConversationDto {
  @IsUUID()
  workerId: string;

  /** A link to an external video room (https). */
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(500)
  videoUrl?: string;
}

export class VideoLinkDto {
  /** https link to an external video room; null removes it. */
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) @MaxLength(500)
  videoUrl?: string | null;
}

export class MessageCrisisCaseDto {
  @IsIn(ONLINE_CRISIS_LEVELS)
  level: OnlineCrisisLevel;
}

export class OfficeHoursWindowDto {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @IsInt() @Min(1) @Max(7)
  weekday: number;

  @Matches(/^([01]\d|2[0-4]):[0-5]\d$/)
  from: string;

  @Matches(/^([01]\d|2[0-4]):[0-5]\d$/)
  to: string;
}

export class OfficeHoursDto {
  @IsArray() @ArrayMaxSize(21) @ValidateNested({ each: true }) @Type(() => OfficeHoursWindowDto)
  windows: OfficeHoursWindowDto[];
}

export class OfficeHoursViewDto {
  windows: OfficeHoursWindowDto[];
  timeZone: string;
  /** True until the counsellor sets their own (the default is Monday to Friday, 09:00–17:30). */
  isDefault: boolean;
  inOfficeNow: boolean;
}

export class MessageDto {
  id: string;
  seq: number;
  sender: MessageSender;
  senderName: string | null;
  body: string;
  sentAt: string;
  /** For messages of the worker or the counsellor: whether the other side has read it. */
  readByRecipient: boolean;
  /** Staff only: the message matched the crisis-language list (a flag, never a diagnosis). */
  crisisFlag?: boolean;
  /** Staff only: when a crisis case was asked for from this message. */
  crisisCaseRequestedAt?: string | null;
}

export class ConversationDto {
  id: string;
  workerId: string;
  /** Staff only. */
  workerName?: string;
  counsellorId: string;
  counsellorName: string | null;
  appointmentId: string | null;
  opensAt: string;
  status: ConversationStatus;
  videoUrl: string | null;
  messageCount: number;
  lastMessageAt: string | null;
  /** Messages from the other side the caller has not read yet. */
  unread: number;
  /** The last message number the other side has read (read receipts for the caller's own messages). */
  readByOtherUpTo: number;
  /** Staff only: the worker's flagged messages with no crisis case asked for yet. */
  openCrisisFlags?: number;
  /** Whether the counsellor is in office hours now. */
  counsellorInOffice: boolean;
  createdAt: string;
}

export class ConversationMessagesDto {
  conversation: ConversationDto;
  /** Oldest first; after `after` when given. */
  messages: MessageDto[];
}

export class SentMessagesDto {
  /** The message sent, then the automatic reply if one was given. */
  messages: MessageDto[];
}

export class CrisisCaseRequestedDto {
  messageId: string;
  level: OnlineCrisisLevel;
  requestedAt: string;
  /** False when a case had already been asked for from this message (the first request stands). */
  created: boolean;
}

export class OnlineCounsellingHistoryItemDto {
  conversationId: string;
  counsellorName: string | null;
  appointmentId: string | null;
  status: ConversationStatus;
  openedAt: string;
  lastMessageAt: string | null;
  messageCount: number;
  /** Staff with clinical read only: flagged messages. */
  crisisFlags?: number;
  /** The messages, oldest first (the worker's own record; clinical staff in scope). */
  messages: MessageDto[];
}
