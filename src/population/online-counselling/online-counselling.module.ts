import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { MeOnlineCounsellingController } from './controllers/me-online-counselling.controller.js';
import { OnlineCounsellingController } from './controllers/online-counselling.controller.js';
import { Conversation } from './entities/conversation.entity.js';
import { OnlineMessage } from './entities/message.entity.js';
import { OfficeHours } from './entities/office-hours.entity.js';
import { OnlineCounsellingSettings } from './online-counselling.settings.js';
import { ConversationAccess } from './services/conversation-access.service.js';
import { ConversationPush } from './services/conversation-push.service.js';
import { ConversationOpener } from './services/conversation-opener.service.js';
import { ConversationViews } from './services/conversation-views.service.js';
import { ConversationsService } from './services/conversations.service.js';
import { MessageCrisisService } from './services/message-crisis.service.js';
import { MessagesService } from './services/messages.service.js';
import { OfficeHoursService } from './services/office-hours.service.js';
import { OnlineCounsellingHistoryService } from './services/online-counselling-history.service.js';
import { OnlineCounsellingRightsContributor } from './services/online-counselling-rights.contributor.js';

/**
 * 线上心理疏导 (面): secure messaging between a worker and their counsellor. Online appointments open their
 * conversation (counselling.appointment_booked); messages are encrypted at rest, every disclosure audited; office
 * hours with an automatic reply; crisis language flags a message for the counsellor, who may ask 点 for a crisis case
 * (online_counselling.crisis_flagged). Exports the history for the composed 心理档案.
 */
@Module({
  imports: [PeopleModule, TypeOrmModule.forFeature([Conversation, OnlineMessage, OfficeHours])],
  controllers: [OnlineCounsellingController, MeOnlineCounsellingController],
  providers: [
    OnlineCounsellingSettings,
    ConversationAccess,
    ConversationViews,
    ConversationPush,
    ConversationsService,
    MessagesService,
    MessageCrisisService,
    OfficeHoursService,
    ConversationOpener,
    OnlineCounsellingRightsContributor,
    OnlineCounsellingHistoryService,
  ],
  exports: [OnlineCounsellingHistoryService],
})
export class OnlineCounsellingModule {}
