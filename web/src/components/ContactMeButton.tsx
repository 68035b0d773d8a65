import { CheckCircleOutlined, MessageOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { formatTime } from './dates';
import { useErrorText } from './errorText';

/**
 * "请尽快联系我" (`POST /api/v1/me/help`): opens a crisis case for the worker's unit (or, while an earlier request
 * is still waiting, reminds the counsellors again). The button shows that it is sending, then a kind confirmation
 * with the time it was received; the hotlines above stay the way to talk now. "I am in danger now" raises it to the
 * most urgent level.
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
  const send = async () => {
    setState('sending');
    setError(null);
    try {
      const answer = await call(api.POST('/api/v1/me/help', { body: danger ? { inDangerNow: true } : {} }));
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
      <Checkbox checked={danger} onChange={(e) => setDanger(e.target.checked)} disabled={state === 'sending'}>
        {t('help.inDangerNow')}
      </Checkbox>
      <Button
        type="primary"
        danger
        size="large"
        block
        icon={<MessageOutlined />}
        loading={state === 'sending'}
        onClick={() => void send()}
      >
        {state === 'sending' ? t('help.sending') : t('help.contactMe')}
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
