import { CheckCircleOutlined, MessageOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callUntyped, hasRoute } from '../api/client';
import { useErrorText } from './errorText';

/** The route issue #4 adds for "contact me now". */
export const HELP_REQUEST_ROUTE = 'POST /api/v1/me/help';

/**
 * "请尽快联系我": asks the union's counselling staff to contact the worker now. The request route comes with the
 * crisis-case issue (#4); until it is in openapi.json this says what happens anyway (the counsellors of the
 * worker's unit were alerted by the crisis result) and the hotlines above stay the way to talk now.
 * When #4 lands: regenerate the client (`npm run web:api`) and replace `callUntyped` with `api.POST(...)`.
 */
export function ContactMeButton({ resultId }: { resultId?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<unknown>(null);

  if (!hasRoute(HELP_REQUEST_ROUTE)) {
    return (
      <Alert type="info" showIcon title={t('help.willContactTitle')} description={t('help.willContact')} />
    );
  }
  if (state === 'sent') {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        role="status"
        title={t('help.requestSent')}
      />
    );
  }
  const send = async () => {
    setState('sending');
    setError(null);
    try {
      await callUntyped('POST', '/api/v1/me/help', resultId ? { assessmentResultId: resultId } : {});
      setState('sent');
    } catch (failure) {
      setError(failure);
      setState('idle');
    }
  };
  const text = error ? errorText(error) : null;
  return (
    <>
      <Button
        type="primary"
        danger
        size="large"
        block
        icon={<MessageOutlined />}
        loading={state === 'sending'}
        onClick={() => void send()}
      >
        {t('help.contactMe')}
      </Button>
      {text ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={text.title}
          description={`${text.hint} ${t('help.callInstead')}`}
          style={{ marginTop: 8 }}
        />
      ) : null}
    </>
  );
}
