import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import { useLoad } from '../api/hooks';
import { usePush } from '../api/push';

/** The bell in the shell: the unread count, kept current by server push; it opens the inbox page (/notifications). */
export function NotificationInbox({ onDark = false }: { onDark?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inbox = useLoad(() => call(api.GET('/api/v1/me/notifications', { params: { query: { unread: true, limit: 1 } } })), []);
  const reload = inbox.reload;
  usePush(['notification'], useCallback(() => reload(), [reload]));
  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined aria-hidden />}
        aria-label={t('inbox.open', { count: unread })}
        data-unread={unread}
        onClick={() => void navigate('/notifications')}
        style={onDark ? { color: '#fff' } : undefined}
      />
    </Badge>
  );
}
