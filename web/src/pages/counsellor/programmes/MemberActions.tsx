import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';

/** An invitation answered on paper or by phone, or a worker withdrawn from the programme. */
export function MemberActions({
  programmeId,
  member,
  onChange,
}: {
  programmeId: string;
  member: Schemas['ProgrammeMemberDto'];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const path = { params: { path: { id: programmeId, workerId: member.workerId } } };
  const name = member.workerName ?? '';
  const answer = (value: 'accepted' | 'declined') =>
    void run(
      () =>
        call(
          api.POST('/api/v1/programmes/{id}/enrolments/{workerId}/answer', {
            ...path,
            body: { answer: value, channel: 'paper' },
          }),
        ),
      t(`lineAdmin.answered.${value}`),
    ).then((ok) => ok && onChange());
  const withdraw = () =>
    void run(
      () => call(api.POST('/api/v1/programmes/{id}/enrolments/{workerId}/withdraw', path)),
      t('lineAdmin.withdrawn'),
    ).then((ok) => ok && onChange());
  return (
    <Space wrap>
      {member.status === 'invited' ? (
        <>
          <Button
            size="small"
            disabled={busy}
            onClick={() => answer('accepted')}
            aria-label={`${t('lineAdmin.acceptOnPaper')} ${name}`}
          >
            {t('lineAdmin.acceptOnPaper')}
          </Button>
          <Button
            size="small"
            disabled={busy}
            onClick={() => answer('declined')}
            aria-label={`${t('lineAdmin.declineOnPaper')} ${name}`}
          >
            {t('lineAdmin.declineOnPaper')}
          </Button>
        </>
      ) : null}
      {member.status === 'invited' || member.status === 'accepted' ? (
        <Popconfirm title={t('lineAdmin.confirmWithdraw')} onConfirm={withdraw}>
          <Button size="small" danger disabled={busy} aria-label={`${t('lineAdmin.withdraw')} ${name}`}>
            {t('lineAdmin.withdraw')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
