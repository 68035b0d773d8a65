import type { ConversationDto, MessageDto } from './dto/online-counselling.dto.js';
import type { Conversation } from './entities/conversation.entity.js';
import type { OnlineMessage } from './entities/message.entity.js';

/** Which side is looking: the worker themselves, or staff. */
export type Side = 'worker' | 'counsellor';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Whether the other side of a message has read it (system messages are for the worker). */
function readByRecipient(c: Conversation, m: OnlineMessage): boolean {
  if (m.sender === 'worker') return c.counsellorReadSeq >= m.seq;
  return c.workerReadSeq >= m.seq;
}

export function toMessageDto(c: Conversation, m: OnlineMessage, side: Side, names: ReadonlyMap<string, string>): MessageDto {
  return {
    id: m.id,
    seq: m.seq,
    sender: m.sender,
    senderName: m.senderUserId ? (names.get(m.senderUserId) ?? null) : null,
    body: m.body,
    sentAt: m.createdAt.toISOString(),
    readByRecipient: readByRecipient(c, m),
    ...(side === 'counsellor' ? { crisisFlag: m.crisisFlag, crisisCaseRequestedAt: iso(m.crisisCaseRequestedAt) } : {}),
  };
}

export interface ConversationFacts {
  counsellorName: string | null;
  workerName?: string;
  openCrisisFlags?: number;
  counsellorInOffice: boolean;
}

export function toConversationDto(c: Conversation, side: Side, facts: ConversationFacts): ConversationDto {
  const readSeq = side === 'worker' ? c.workerReadSeq : c.counsellorReadSeq;
  return {
    id: c.id,
    workerId: c.workerId,
    ...(side === 'counsellor' ? { workerName: facts.workerName ?? '' } : {}),
    counsellorId: c.counsellorId,
    counsellorName: facts.counsellorName,
    appointmentId: c.appointmentId,
    opensAt: c.opensAt.toISOString(),
    status: c.status,
    videoUrl: c.videoUrl,
    messageCount: c.messageCount,
    lastMessageAt: iso(c.lastMessageAt),
    // Sending moves the sender's own pointer to their message, so what is past it is the other side's.
    unread: Math.max(0, c.messageCount - readSeq),
    readByOtherUpTo: side === 'worker' ? c.counsellorReadSeq : c.workerReadSeq,
    ...(side === 'counsellor' ? { openCrisisFlags: facts.openCrisisFlags ?? 0 } : {}),
    counsellorInOffice: facts.counsellorInOffice,
    createdAt: c.createdAt.toISOString(),
  };
}
