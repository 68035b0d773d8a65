import { Button, Descriptions, Empty, List, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';
import { LevelTag } from './labels';

const FINDINGS = ['ideation', 'plan', 'intent', 'pastAttempts'] as const;

/** Every risk assessment of the case with its findings, suggestion, judgement and note (loaded when opened; audited). */
export function RiskHistoryButton({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useLoad(
    () => (open ? call(api.GET('/api/v1/crisis-cases/{id}/risk-assessments', { params: { path: { id: caseId } } })) : Promise.resolve([])),
    [open, caseId],
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('caseRecords.riskHistory')}</Button>
      <Modal open={open} title={t('caseRecords.riskHistoryTitle')} footer={null} onCancel={() => setOpen(false)} width={640}>
        <Loaded state={history}>
          {(items) =>
            items.length === 0 ? (
              <Empty description={t('caseRecords.empty')} />
            ) : (
              <List
                dataSource={items}
                renderItem={(r) => (
                  <List.Item key={r.id} data-assessment={r.id}>
                    <Descriptions size="small" column={1} title={formatDateTime(r.at, i18n.language)}>
                      {FINDINGS.map((f) => (
                        <Descriptions.Item key={f} label={t(`risk.${f}`)}>
                          {t(`risk.values.${r[f]}`)}
                        </Descriptions.Item>
                      ))}
                      <Descriptions.Item label={t('risk.protective')}>
                        {r.protectiveFactors.map((p) => t(`risk.factors.${p}`)).join('、') || t('risk.noneRecorded')}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('risk.suggested')}>
                        <LevelTag level={r.suggestedLevel} />
                      </Descriptions.Item>
                      <Descriptions.Item label={t('risk.judgement')}>
                        <LevelTag level={r.judgement} />
                      </Descriptions.Item>
                      {r.note ? <Descriptions.Item label={t('risk.note')}>{r.note}</Descriptions.Item> : null}
                    </Descriptions>
                  </List.Item>
                )}
              />
            )
          }
        </Loaded>
      </Modal>
    </>
  );
}
