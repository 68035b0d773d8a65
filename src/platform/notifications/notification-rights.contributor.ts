import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../data-subject/data-subject.registry.js';

/**
 * The inbox's part in a deletion: the worker's own notifications go; staff notifications that quoted the worker's
 * name keep their meaning with the name replaced.
 */
@Injectable()
export class NotificationRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'notifications',
      rules: [
        { table: 'notifications', action: 'delete', what: '职工本人的站内通知；他人通知中的姓名替换为“某职工” / the worker’s own inbox; their name in others’ notices replaced' },
        { table: 'notification_preferences', action: 'delete', what: '通知方式偏好 / channel preferences' },
        { table: 'sms_messages', action: 'delete', what: '发给本人的短信记录（号码与内容）/ texts sent to them (number and text)' },
      ],
      erase: async (manager, { userIds, name }) => {
        const params = { nt_users: userIds.length > 0 ? userIds : ['00000000-0000-0000-0000-000000000000'], nt_name: name, nt_like: `%${name}%` };
        await runErasure(
          manager,
          [
            'DELETE FROM notifications WHERE user_id IN (:...nt_users)',
            'DELETE FROM notification_preferences WHERE user_id IN (:...nt_users)',
            'DELETE FROM sms_messages WHERE user_id IN (:...nt_users)',
            "UPDATE notifications SET title = REPLACE(title, :nt_name, '某职工'), body = REPLACE(body, :nt_name, '某职工') WHERE title LIKE :nt_like OR body LIKE :nt_like",
          ],
          params,
        );
      },
    });
  }
}
