import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { ChatThread } from '../../../components/ChatThread';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';

/** One conversation with my counsellor, on the phone. */
export default function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [conversation, setConversation] = useState<Schemas['ConversationDto'] | null>(null);
  const load = useCallback(
    (after: number) =>
      call(
        api.GET('/api/v1/me/online-counselling/conversations/{id}/messages', {
          params: { path: { id }, query: { after } },
        }),
      ),
    [id],
  );
  const send = useCallback(
    (body: string) =>
      call(
        api.POST('/api/v1/me/online-counselling/conversations/{id}/messages', {
          params: { path: { id } },
          body: { body },
        }),
      ),
    [id],
  );
  return (
    <>
      <PageTitle
        title={t('online.with', { name: conversation?.counsellorName ?? t('online.counsellor') })}
        extra={<LinkButton to="/me/online-counselling">{t('online.back')}</LinkButton>}
      />
      <ChatThread conversationId={id} side="worker" load={load} send={send} canWrite onConversation={setConversation} />
    </>
  );
}
