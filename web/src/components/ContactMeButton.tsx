import { AlertOutlined, CheckCircleOutlined, MessageOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { formatTime } from './dates';
import { useErrorText } from './errorText';

/**
 * "请尽快联系我" (`POST /api/v1/me/help`): opens a crisis case for the worker's unit (or, while an earlier request
 * is still waiting, reminds the counsellors again). The button shows that it is sending, then a kind confirmation
 * with the time it was received; the hotlines above stay the way to talk now. "我现在就有危险" is a button of its own,
 * the most prominent on the card: one press sends the request at the most urgent level.
 */
export function ContactMeButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [receivedAt, setReceivedAt] = useState('');
  const [danger, setDanger] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (state === 'sent') {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        role="status"
        title={t('help.requestSentAt', { time: formatTime(receivedAt) })}
        description={danger ? `${t('help.requestSent')} ${t('help.emergency')}` : t('help.requestSent')}
      />
    );
  }
  const send = async (inDanger: boolean) => {
    setDanger(inDanger);
    setState('sending');
    setError(null);
    try {
      const answer = await call(api.POST('/api/v1/me/help', { body: inDanger ? { inDangerNow: true } : {} }));
      setReceivedAt(answer.receivedAt);
      setState('sent');
    } catch (failure) {
      setError(failure);
      setState('idle');
    }
  };
  const text = error ? errorText(error) : null;
  return (
    <Flex vertical gap={8}>
      <Button
        type="primary"
        danger
        size="large"
        block
        icon={<AlertOutlined />}
        loading={state === 'sending' && danger}
        disabled={state === 'sending'}
        onClick={() => void send(true)}
        style={{ height: 56, fontSize: 18, fontWeight: 600 }}
      >
        {state === 'sending' && danger ? t('help.sending') : t('help.inDangerNow')}
      </Button>
      <Button
        size="large"
        block
        danger
        icon={<MessageOutlined />}
        loading={state === 'sending' && !danger}
        disabled={state === 'sending'}
        onClick={() => void send(false)}
      >
        {state === 'sending' && !danger ? t('help.sending') : t('help.contactMe')}
      </Button>
      {text ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={text.title}
          description={`${text.hint} ${t('help.callInstead')}`}
        />
      ) : null}
    </Flex>
  );
}
