import { CheckOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';
import type { CaseState } from './labels';

/**
 * The case's next steps: acknowledge an open case; otherwise one button per state the server allows next
 * (`allowedTransitions`). Closing and reopening ask for a reason (the server requires one).
 */
export function CaseActions({ item, onChanged }: { item: Schemas['CaseDto']; onChanged: () => void }) {
  const { t } = useTranslation();
  const [run, busy] = useAction();
  const [target, setTarget] = useState<CaseState | null>(null);
  const [reason, setReason] = useState('');
  const needsReason = (to: CaseState) => to === 'closed' || item.state === 'closed';

  const move = async (to: CaseState, why?: string) => {
    const ok = await run(
      () =>
        to === 'acknowledged'
          ? call(api.POST('/api/v1/crisis-cases/{id}/acknowledge', { params: { path: { id: item.id } } }))
          : call(
              api.POST('/api/v1/crisis-cases/{id}/transition', {
                params: { path: { id: item.id } },
                body: { to, ...(why ? { reason: why } : {}) },
              }),
            ),
      t('case.moved', { state: t(`caseState.${to}`) }),
    );
    if (ok) {
      setTarget(null);
      setReason('');
      onChanged();
    }
  };

  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
        {t('case.nextSteps')}
      </Typography.Text>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {item.allowedTransitions.length === 0 ? (
          <Typography.Text type="secondary">{t('case.noSteps')}</Typography.Text>
        ) : null}
        {item.allowedTransitions.map((to) => (
          <Button
            key={to}
            type={to === 'acknowledged' ? 'primary' : 'default'}
            icon={to === 'acknowledged' ? <CheckOutlined /> : undefined}
            loading={busy && target === to}
            disabled={busy}
            onClick={() => (needsReason(to) ? setTarget(to) : void move(to))}
          >
            {t(`caseMove.${to}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={target !== null}
        title={target ? t(`caseMove.${target}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim().length === 0, loading: busy }}
        onOk={() => target && void move(target, reason.trim())}
        onCancel={() => setTarget(null)}
      >
        <label htmlFor="case-reason">{t('case.reason')}</label>
        <Input.TextArea
          id="case-reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
